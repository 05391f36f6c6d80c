using Microsoft.Playwright;
using Telephony.TestKit.Browser;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.Pages;

/// <summary>The sign-in page and the audit page in a real browser.</summary>
public sealed class SignInPageTests(DemoHostFixture demo, BrowserFixture browser) : IClassFixture<DemoHostFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_signs_in_through_the_page_and_sees_the_sign_in_in_the_audit_log()
    {
        var page = await browser.NewPageAsync(demo.BaseUrl);

        await page.GotoAsync("/admin/audit");
        Assert.EndsWith("/login?ReturnUrl=%2Fadmin%2Faudit", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", demo.PasswordOf("admin"));
        await page.ClickAsync("button[type=submit]");

        await page.WaitForURLAsync("**/admin/audit");
        var firstRow = page.Locator("#entries tbody tr").First;
        await Assertions.Expect(firstRow).ToContainTextAsync("sign-in");
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync("admin");
    }

    [Fact]
    public async Task Wrong_password_shows_the_error_in_the_chosen_language()
    {
        var page = await browser.NewPageAsync(demo.BaseUrl);

        await page.GotoAsync("/login?lang=ru");
        await page.FillAsync("#username", "qa");
        await page.FillAsync("#password", "wrong");
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("Неверное имя пользователя или пароль.");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Вход");
    }

    [Fact]
    public async Task Agent_opening_the_audit_page_is_shown_access_denied()
    {
        var page = await SignInAsync("agent1003", "az");

        await page.GotoAsync("/admin/audit");

        Assert.Contains("/denied", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Giriş qadağandır");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await SignInAsync("supervisor", "en");

        await page.ClickAsync("#signout");
        await page.WaitForURLAsync("**/login");
        var response = await page.GotoAsync("/");

        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        Assert.NotNull(response);
    }

    private async Task<IPage> SignInAsync(string user, string language)
    {
        var page = await browser.NewPageAsync(demo.BaseUrl);
        await page.GotoAsync("/login?lang=" + language);
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", demo.PasswordOf(user));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        return page;
    }
}

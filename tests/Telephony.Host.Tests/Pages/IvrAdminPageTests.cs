using Microsoft.Playwright;
using Telephony.Host.Tests.Ivr;
using Telephony.Ivr.Model;
using Telephony.TestKit.Browser;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.Pages;

/// <summary>The voice menu and hours pages in a real browser, signed in as the demo admin.</summary>
public sealed class IvrAdminPageTests(DemoHostFixture demo, BrowserFixture browser) : IClassFixture<DemoHostFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_adds_an_option_fixes_the_missing_prompt_publishes_version_2_and_rolls_back_to_1_as_version_3()
    {
        using var api = demo.ClientFor("admin");
        await IvrApi.WaitForDemoTreeAsync(api);
        var page = await SignInAsync("/admin/ivr");
        await Assertions.Expect(page.Locator("#inForce")).ToHaveTextAsync("In force: version 1");
        await Assertions.Expect(page.Locator("#treeFaults")).ToContainTextAsync("No problems");

        await page.ClickAsync("#tree [data-select=topics]");
        await page.FillAsync("#optionKey", "5");
        await page.SelectOptionAsync("#optionTarget", "");
        await page.FillAsync("#optionNewId", "info");
        await page.SelectOptionAsync("#optionNewKind", "playMessage");
        await page.ClickAsync("#optionAdd");
        await Assertions.Expect(page.Locator("#nodeTitle")).ToHaveTextAsync("info · playMessage");
        await page.FillAsync("#prompt-az", "Məlumat xidməti");
        await page.FillAsync("#prompt-ru", "Справочная служба");

        var missing = page.Locator("#tree li[data-node=info] > ul.faults > li[data-kind=MissingPrompt][data-language=en]");
        await Assertions.Expect(missing).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#nodeFaults")).ToContainTextAsync("[en]");

        await page.FillAsync("#prompt-en", "Information service");
        await Assertions.Expect(page.Locator("#tree li.has-fault")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#treeFaults")).ToContainTextAsync("No problems");
        var played = page.WaitForResponseAsync(r => r.Url.Contains("/info/en/audio", StringComparison.Ordinal));
        await page.ClickAsync("#play-en");
        var audio = await played;
        Assert.Equal(200, audio.Status);
        Assert.Equal("audio/wav", (await audio.AllHeadersAsync())["content-type"]);

        await page.ClickAsync("#publish");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Version 2 is now in force.", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#inForce")).ToHaveTextAsync("In force: version 2");
        var version2 = await IvrApi.GetTreeAsync(api, $"api/ivr/trees/{IvrApi.DemoTree}/published");
        Assert.Equal(2, version2.Version);
        Assert.Equal("info", ((MenuNode)version2.Nodes["topics"]).Options["5"]);
        Assert.Equal(
            ["Məlumat xidməti", "Справочная служба", "Information service"],
            new[] { Language.Az, Language.Ru, Language.En }.Select(l => version2.Nodes["info"].Prompt[l].Text));

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.ClickAsync("#versions button[data-rollback='1']");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Version 3 (a copy of version 1) is now in force.", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#inForce")).ToHaveTextAsync("In force: version 3");
        await Assertions.Expect(page.Locator("#tree [data-select=info]")).ToHaveCountAsync(0);
        var version1 = await IvrApi.GetTreeAsync(api, $"api/ivr/trees/{IvrApi.DemoTree}/versions/1");
        var version3 = await IvrApi.GetTreeAsync(api, $"api/ivr/trees/{IvrApi.DemoTree}/published");
        Assert.Equal(3, version3.Version);
        Assert.Equal(Telephony.Ivr.Serialization.IvrJson.Write(version1 with { Version = 3 }), Telephony.Ivr.Serialization.IvrJson.Write(version3));

        await page.SelectOptionAsync("#diffFrom", "2");
        await page.SelectOptionAsync("#diffTo", "3");
        await page.ClickAsync("#diffShow");
        await Assertions.Expect(page.Locator("#diff")).ToContainTextAsync("Removed nodes");
        await Assertions.Expect(page.Locator("#diff")).ToContainTextAsync("info");
    }

    [Fact]
    public async Task Menu_page_speaks_the_admins_language()
    {
        var page = await SignInAsync("/admin/ivr", "ru");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Голосовое меню");
        await Assertions.Expect(page.Locator("#publish")).ToHaveTextAsync("Опубликовать");
        await Assertions.Expect(page.Locator("header nav")).ToContainTextAsync("Часы работы и праздники");
    }

    [Fact]
    public async Task Hours_page_adds_a_holiday_to_the_calendar_and_saturday_hours_to_the_draft()
    {
        using var api = demo.ClientFor("admin");
        await IvrApi.WaitForDemoTreeAsync(api);
        var page = await SignInAsync("/admin/hours", "az");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("İş saatları və bayramlar");
        await Assertions.Expect(page.Locator("#holidays tbody tr").First).ToBeVisibleAsync();

        await page.ClickAsync("#addHoliday");
        var added = page.Locator("#holidays tbody tr").Last;
        await added.Locator("input.from").FillAsync("2027-12-30");
        await added.Locator("input.name-az").FillAsync("Əlavə gün");
        await added.Locator("input.name-ru").FillAsync("Дополнительный день");
        await added.Locator("input.name-en").FillAsync("Extra day");
        await page.ClickAsync("#saveCalendar");
        await Assertions.Expect(page.Locator("#calendarStatus")).ToHaveTextAsync("Təqvim saxlanıldı.");

        // The demo runs around the clock (--demo-always-open): Saturday hours overlap it until that row goes.
        await page.ClickAsync("#addHours");
        await page.ClickAsync("#saveSchedule");
        await Assertions.Expect(page.Locator("#scheduleFaults")).ToContainTextAsync("OverlappingHours");
        await page.Locator("#weekly tbody tr").First.Locator("button").ClickAsync();
        await page.ClickAsync("#saveSchedule");
        await Assertions.Expect(page.Locator("#scheduleStatus")).ToContainTextAsync("Qaralamada saxlanıldı");
        await Assertions.Expect(page.Locator("#scheduleFaults li")).ToHaveCountAsync(0);

        var calendar = Telephony.Ivr.Serialization.IvrJson.ReadHolidayCalendar(await api.GetStringAsync(new Uri("api/ivr/holidays/az-public", UriKind.Relative)));
        Assert.Contains(calendar.Holidays, h => h.From == new DateOnly(2027, 12, 30) && h.Name[Language.En] == "Extra day");
        var draft = await IvrApi.GetTreeAsync(api, $"api/ivr/trees/{IvrApi.DemoTree}/draft");
        var hours = Assert.Single(draft.Schedules["office"].Weekly);
        Assert.Equal([DayOfWeek.Saturday], hours.Days);
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(14, 0)), (hours.Open, hours.Close));
    }

    private async Task<IPage> SignInAsync(string path, string language = "en")
    {
        var page = await browser.NewPageAsync(demo.BaseUrl);
        await page.GotoAsync($"/login?lang={language}");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", demo.PasswordOf("admin"));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        await page.GotoAsync(path);
        return page;
    }
}

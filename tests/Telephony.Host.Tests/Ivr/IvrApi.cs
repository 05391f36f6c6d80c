using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Telephony.Ivr.Model;
using Telephony.Ivr.Serialization;

namespace Telephony.Host.Tests.Ivr;

/// <summary>Calls of the IVR admin API shared by the API and page tests.</summary>
internal static class IvrApi
{
    public const string DemoTree = "edu-hotline";

    /// <summary>The demo seeder runs beside start-up; wait until its version 1 is in force.</summary>
    public static async Task WaitForDemoTreeAsync(HttpClient admin)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var response = await admin.GetAsync(new Uri($"api/ivr/trees/{DemoTree}/versions", UriKind.Relative));
            if (response.IsSuccessStatusCode && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetArrayLength() > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The demo tree was not seeded within 30 s.");
    }

    /// <summary>Runs sox, e.g. to make a test recording.</summary>
    public static async Task SoxAsync(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("sox") { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
    }

    public static async Task<MenuTree> GetTreeAsync(HttpClient admin, string path) =>
        IvrJson.ReadMenuTree(await admin.GetStringAsync(new Uri(path, UriKind.Relative)));

    public static Task<HttpResponseMessage> PutDraftAsync(HttpClient admin, MenuTree tree) =>
        admin.PutAsync(new Uri($"api/ivr/trees/{tree.Id}/draft", UriKind.Relative), new StringContent(IvrJson.Write(tree), Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PublishAsync(HttpClient admin, string treeId) =>
        admin.PostAsync(new Uri($"api/ivr/trees/{treeId}/publish", UriKind.Relative), null);

    public static Task<HttpResponseMessage> RollbackAsync(HttpClient admin, string treeId, int version) =>
        admin.PostAsJsonAsync(new Uri($"api/ivr/trees/{treeId}/rollback", UriKind.Relative), new { version });

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The demo tree with one more topic: key 5 plays a message in three languages and returns to the topics.</summary>
    public static MenuTree WithInfoOption(MenuTree tree)
    {
        var topics = (MenuNode)tree.Nodes["topics"];
        return tree with
        {
            Nodes = new Dictionary<string, IvrNode>(tree.Nodes)
            {
                ["topics"] = topics with { Options = new Dictionary<string, string>(topics.Options) { ["5"] = "info" } },
                ["info"] = new PlayMessageNode
                {
                    Next = "topics",
                    Title = "Information",
                    Prompt = new Dictionary<Language, PromptContent>
                    {
                        [Language.Az] = new() { Text = "Məlumat" },
                        [Language.Ru] = new() { Text = "Информация" },
                        [Language.En] = new() { Text = "Information" },
                    },
                },
            },
        };
    }
}

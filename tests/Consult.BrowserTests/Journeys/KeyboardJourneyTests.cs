using Microsoft.Playwright;

namespace Consult.BrowserTests.Journeys;

/// <summary>Staff work without a mouse: every field and button is reached with Tab and used with the keyboard.</summary>
[Collection(nameof(BrowserCollection))]
public class KeyboardJourneyTests(BrowserFixture fixture) : BrowserJourney(fixture)
{
    /// <summary>Presses Tab until the focused element matches the selector, as a keyboard user moves through a page.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 250; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {selector} on {page.Url}");
    }

    [Fact]
    public async Task An_editor_edits_a_regulation_and_adds_a_plan_item_with_the_keyboard_only()
    {
        var page = await Browser.SignedInPageAsync("canbo.bct@consult.demo");

        await page.GotoAsync("/workspace/regulations/2.002761/edit");
        await TabToAsync(page, "textarea[name=Content]");
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.InsertTextAsync("\nHồ sơ được nộp trực tuyến toàn trình.");
        await TabToAsync(page, "form.form button[type=submit]:not([name])");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã lưu quy định 2.002761");

        // A plan item needs the regulation's cost estimate first.
        await page.GotoAsync("/workspace/regulations/2.002761/cost");
        foreach (var (field, value) in new[] { ("Cost.Activities", "Chuẩn bị hồ sơ: 4\nNộp hồ sơ: 1"), ("Cost.Fees", "300.000"), ("Cost.FrequencyPerYear", "1"), ("Cost.SubjectsPerYear", "500") })
        {
            await TabToAsync(page, $"[name='{field}']");
            await page.Keyboard.InsertTextAsync(value);
        }
        await TabToAsync(page, "form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.EndsWith("/cost"));

        await page.GotoAsync("/plans?agency=BCT&year=2026");
        var plan = await page.Locator("[data-testid=plans] tbody a").First.GetAttributeAsync("href");
        await page.GotoAsync(plan!);
        await TabToAsync(page, "a[href$='/items/new']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/items/new");
        await TabToAsync(page, "input[name=RegulationCode]");
        await page.Keyboard.InsertTextAsync("2.002761");
        await TabToAsync(page, "input[name=Action]");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "textarea[name=Reason]");
        await page.Keyboard.InsertTextAsync("Nộp trực tuyến toàn trình, bỏ bản giấy.");
        foreach (var (field, value) in new[] { ("Number", "09/2018/NĐ-CP"), ("Article", "Điều 27"), ("Deadline", "30/06/2027") })
        {
            await TabToAsync(page, $"input[name='Documents[0].{field}']");
            await page.Keyboard.InsertTextAsync(value);
        }
        await TabToAsync(page, "form.form button[type=submit]:not([name])");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith("#items") || url.EndsWith("/items"));
        var errors = await page.Locator(".error-summary").AllInnerTextsAsync();
        Assert.True(errors.Count == 0, string.Join(" ", errors));
        await Assertions.Expect(page.GetByTestId("items")).ToContainTextAsync("2.002761");
        await page.ScreenshotAsync("ban-phim-muc-phuong-an");
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Sip2.Net.Messages;
using Sip2.Net.SampleHost;

namespace Sip2.Net.Admin.Tests;

/// <summary>
/// The admin site of the real sample host (SIP2 and admin on port 0), driven in headless Chromium through chromedriver:
/// sign in, register 127.0.0.5 through the form, a kiosk from there is admitted, its login id changes and the password is
/// reset, deactivating it ends the kiosk's session, a refused create shows the rule next to the field. A screenshot of
/// each screen goes to TestResults/screenshots in the output folder.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private readonly string profile = Directory.CreateTempSubdirectory("sip2-chromium-").FullName;
    private readonly string screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
    private IHost host = null!;
    private ChromeDriver browser = null!;
    private Uri admin = null!;

    public async Task InitializeAsync()
    {
        host = await SampleHost.SampleHost.BuildAsync(["--Sip2:Port=0"], b => b.Logging.ClearProviders());
        await host.StartAsync();
        admin = host.AdminUri();
    }

    public async Task DisposeAsync()
    {
        browser?.Quit();
        browser?.Dispose();
        await host.StopAsync();
        host.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; the folder is in the temporary directory.
        }
    }

    [ServiceFact("SIP2_TEST_CHROMIUM", "SIP2_TEST_CHROMEDRIVER")]
    public async Task An_administrator_registers_a_kiosk_changes_its_login_and_deactivates_it()
    {
        browser = StartBrowser();
        Directory.CreateDirectory(screenshots);

        Go("/sip2");
        Assert.EndsWith("/signin", new Uri(browser.Url).AbsolutePath, StringComparison.Ordinal);
        Type("userName", "admin");
        Type("password", "sip2-admin-demo");
        Shot("signin");
        Click("sign-in");
        WaitFor(By.CssSelector("header .user"), "Signed in as admin");

        // A refused create: 127.0.0.1 is shared by kiosks with login ids, so one without a login id breaks rule 1.
        Go("/sip2/registrations/new");
        Type("ipAddress", "127.0.0.1");
        Choose("branch", "NORTH/MAIN");
        Click("save");
        WaitFor(By.Id("loginId-error"), "SharedAddressRequiresCredentials");
        Assert.Contains("invalid", browser.FindElement(By.Id("loginId")).GetAttribute("class"), StringComparison.Ordinal);
        Shot("refused-create");

        // Register 127.0.0.5 through the form.
        Go("/sip2/registrations/new");
        Type("ipAddress", "127.0.0.5");
        Type("description", "Browser-test kiosk by the stairs");
        Choose("branch", "NORTH/MAIN");
        Choose("vendor", "Bibliotheca");
        Shot("create");
        Click("save");
        WaitFor(By.CssSelector(".banner.notice"), "Saved: the new record is stored.");
        var registration = Assert.Single(await host.Services.GetRequiredService<Access.ISip2RegistryStore>().ListByAddressAsync(System.Net.IPAddress.Parse("127.0.0.5")));

        // A kiosk from 127.0.0.5 is admitted and answered, and shows as a live session.
        using var kiosk = await Kiosk.ConnectAsync("127.0.0.5", host.BoundEndpoints()[0].Port);
        Assert.IsType<AcsStatusResponse>(await kiosk.StatusAsync());
        Go("/sip2/registrations");
        Assert.Equal("1", Row(registration.Id).FindElement(By.CssSelector("td.live")).Text);
        Shot("registrations");
        Go("/sip2/sessions");
        Assert.Contains("127.0.0.5", browser.FindElement(By.Id("sessions")).Text, StringComparison.Ordinal);
        Shot("sessions");

        // Change its login id: the page says the password was reset.
        Go($"/sip2/registrations/{registration.Id}/login");
        Type("loginId", "stairs-kiosk");
        Shot("login");
        Click("save");
        WaitFor(By.CssSelector(".banner.notice"), "The password was reset");
        Assert.Contains("no password", Row(registration.Id).Text, StringComparison.Ordinal);

        // Deactivate it in the list: the kiosk's live session ends.
        Row(registration.Id).FindElement(By.CssSelector("button.toggle")).Click();
        WaitFor(By.CssSelector(".banner.notice"), "Deactivated");
        Assert.True(await kiosk.ClosedByServerAsync(TimeSpan.FromSeconds(10)), "the kiosk's session was not ended");
        Go("/sip2/registrations"); // the server drops a connection from its list before closing the socket
        Assert.Equal("0", Row(registration.Id).FindElement(By.CssSelector("td.live")).Text);

        // The other screens, for the record.
        var north = (await host.Services.GetRequiredService<Access.ISip2RegistryStore>().ListAsync()).Single(r => r.LoginId == "north-kiosk");
        Go($"/sip2/registrations/{north.Id}/test");
        Type("password", "north-pass");
        Click("run-test");
        WaitFor(By.Id("test-summary"), "Admitted, logged in and answered");
        Assert.Contains("CO***", browser.FindElement(By.Id("test-exchange")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("north-pass", browser.PageSource, StringComparison.Ordinal);
        Shot("test");
        Go($"/sip2/registrations/{north.Id}/edit");
        Shot("edit");
        Go("/sip2/branches");
        Shot("branches");
        Go("/sip2/branches/NORTH/MAIN/edit");
        Shot("branch-configuration");
        Go("/sip2/institutions");
        Shot("institutions");
        Go("/sip2/messages?institution=NORTH");
        Shot("messages");
        Go("/sip2/audit");
        Assert.Contains("RegistrationDeactivated", browser.FindElement(By.Id("audit")).Text, StringComparison.Ordinal);
        Shot("audit");
    }

    private ChromeDriver StartBrowser()
    {
        var driver = ServiceFactAttribute.Require("SIP2_TEST_CHROMEDRIVER");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ServiceFactAttribute.Require("SIP2_TEST_CHROMIUM") };
        // No internet here: without these Chromium keeps trying to reach its update, sync and metrics services.
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1440,1000", $"--user-data-dir={profile}");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private void Go(string path) => browser.Navigate().GoToUrl(new Uri(admin, path));

    // A click that submits a form returns before the next page has loaded: wait for what that page shows.
    private void WaitFor(By what, string text)
    {
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(15));
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        wait.Until(d => d.FindElements(what).Any(e => e.Text.Contains(text, StringComparison.Ordinal)));
    }

    private void Type(string id, string text)
    {
        var field = browser.FindElement(By.Id(id));
        field.Clear();
        field.SendKeys(text);
    }

    private void Choose(string id, string value) => browser.FindElement(By.CssSelector($"#{id} option[value='{value}']")).Click();

    private void Click(string id) => browser.FindElement(By.Id(id)).Click();

    private IWebElement Row(Guid id) => browser.FindElement(By.Id($"registration-{id}"));

    private void Shot(string name)
    {
        // The whole page, not just the window: grow the window to the document's height first.
        var height = Convert.ToInt32(browser.ExecuteScript("return Math.max(document.documentElement.scrollHeight, 700);"), System.Globalization.CultureInfo.InvariantCulture);
        browser.Manage().Window.Size = new System.Drawing.Size(1440, Math.Min(height + 160, 4000));
        browser.GetScreenshot().SaveAsFile(Path.Combine(screenshots, $"admin-{name}.png"));
        browser.Manage().Window.Size = new System.Drawing.Size(1440, 1000);
    }
}

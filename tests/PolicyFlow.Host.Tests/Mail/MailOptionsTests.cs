using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Host.Mail;

namespace PolicyFlow.Host.Tests.Mail;

/// <summary>Mail settings are checked when the host starts, and choose how mail leaves.</summary>
public sealed class MailOptionsTests
{
    [Theory]
    [InlineData("Mail:StudioBaseUrl", "studio.zj.gov.cn", "Mail:StudioBaseUrl must be the Studio's absolute http(s) address")]
    [InlineData("Mail:SmtpUser", "policyflow", "Mail:SmtpPassword is required when Mail:SmtpUser is set.")]
    [InlineData("Mail:SmtpPort", "70000", "SmtpPort")]
    [InlineData("Mail:FromAddress", "not an address", "FromAddress")]
    public void BadSetting_FailsValidationWithAMessageSayingWhatToFix(string key, string value, string expected)
    {
        using var services = Services(new() { ["Mail:SmtpHost"] = "smtp.zj.gov.cn", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MailOptions>>().Value);

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void NoSmtpHost_SendsToEmlFiles_AndAnSmtpHostSendsThroughSmtp()
    {
        using var files = Services([]);
        using var smtp = Services(new() { ["Mail:SmtpHost"] = "smtp.zj.gov.cn", ["Mail:SmtpPort"] = "587", ["Mail:SmtpSecurity"] = "StartTls" });

        var eml = Assert.IsType<EmlFileMailSender>(files.GetRequiredService<IMailSender>());
        Assert.Equal(Path.Combine("/srv/policyflow", "data", "mail"), eml.Folder);
        Assert.IsType<SmtpMailSender>(smtp.GetRequiredService<IMailSender>());
        Assert.True(files.GetRequiredService<OutboxOptions>().DigestReminders);
    }

    [Fact]
    public void OutboxSection_SetsTheRetryDelays_SoAnOperatorCanShortenTheWaitAfterAnOutage()
    {
        using var services = Services(new() { ["Outbox:FirstRetryDelay"] = "00:00:05", ["Outbox:MaxRetryDelay"] = "00:00:30", ["Outbox:MaxAttempts"] = "40" });

        var outbox = services.GetRequiredService<OutboxOptions>();

        Assert.Equal([5, 10, 20, 30, 30], [.. Enumerable.Range(1, 5).Select(a => outbox.RetryDelay(a).TotalSeconds)]);
        Assert.Equal(40, outbox.MaxAttempts);
        Assert.Equal(TimeSpan.FromMinutes(2), outbox.Lease);
    }

    [Theory]
    [InlineData("Outbox:MaxAttempts", "0", "Outbox:MaxAttempts must be at least 1")]
    [InlineData("Outbox:FirstRetryDelay", "-00:00:05", "Outbox:Lease and Outbox:FirstRetryDelay must be positive")]
    [InlineData("Outbox:MaxRetryDelay", "00:00:30", "must not be shorter than Outbox:FirstRetryDelay (00:01:00)")]
    public void BadOutboxSetting_StopsTheHostAtStartWithAMessageSayingWhatToFix(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Services(new() { [key] = value }));

        Assert.Contains(expected, error.Message);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddPolicyFlowMail(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "/srv/policyflow");
        return services.BuildServiceProvider();
    }
}

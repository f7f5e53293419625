using Hangfire;
using Microsoft.Extensions.Options;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Engine.Outbox;

namespace PolicyFlow.Host.Mail;

/// <summary>Mail for the host: options, templates, the outbox dispatcher with an SMTP or .eml sender, and its Hangfire job.</summary>
public static class MailServiceCollectionExtensions
{
    public const string OutboxJobId = "outbox";

    /// <summary>The configuration section of the outbox's lease, attempts and retry delays (<see cref="OutboxOptions"/>).</summary>
    public const string OutboxSection = "Outbox";

    public static IServiceCollection AddPolicyFlowMail(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRoot);
        var section = configuration.GetSection(MailOptions.Section);
        services.AddOptions<MailOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        // Read once here as well: the engine and template options are plain objects built at composition.
        var mail = section.Get<MailOptions>() ?? new MailOptions();
        services.AddPolicyFlowOutbox(o =>
        {
            configuration.GetSection(OutboxSection).Bind(o);
            o.DigestReminders = mail.DigestReminders;
            o.DigestTimeZone = ChinaTime.Zone;
            CheckOutbox(o);
        });
        services.AddPolicyFlowNotifications(o =>
        {
            o.StudioBaseUrl = mail.StudioBaseUrl;
            o.TemplatesPath = Path.Combine(contentRoot, mail.TemplatesPath);
        });
        services.AddSingleton<IMailSender>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MailOptions>>();
            var clock = sp.GetRequiredService<TimeProvider>();
            return options.Value.UsesSmtp
                ? new SmtpMailSender(options, clock)
                : new EmlFileMailSender(Path.Combine(contentRoot, options.Value.PickupPath), options, clock);
        });
        services.AddTransient<OutboxJob>();
        return services;
    }

    // The outbox options are a plain engine object built at composition, so a bad setting stops the host here, at start.
    private static void CheckOutbox(OutboxOptions o)
    {
        List<string> errors = [];
        if (o.MaxAttempts < 1)
        {
            errors.Add($"Outbox:MaxAttempts must be at least 1; it is {o.MaxAttempts}.");
        }
        if (o.Lease <= TimeSpan.Zero || o.FirstRetryDelay <= TimeSpan.Zero)
        {
            errors.Add($"Outbox:Lease and Outbox:FirstRetryDelay must be positive, e.g. 00:02:00 and 00:01:00; they are {o.Lease} and {o.FirstRetryDelay}.");
        }
        if (o.MaxRetryDelay < o.FirstRetryDelay)
        {
            errors.Add($"Outbox:MaxRetryDelay ({o.MaxRetryDelay}) must not be shorter than Outbox:FirstRetryDelay ({o.FirstRetryDelay}).");
        }
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(OutboxSection, typeof(OutboxOptions), errors);
        }
    }

    /// <summary>Checks the administrators' templates, registers the outbox job every minute and starts one run at once.</summary>
    public static void StartPolicyFlowMail(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = services.GetRequiredService<NotificationRenderer>().ValidateOverrides();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(MailOptions.Section, typeof(MailOptions),
                [.. errors.Select(e => $"A mail template does not parse; fix or delete it: {e}")]);
        }
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<OutboxJob>(OutboxJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<OutboxJob>(job => job.RunAsync(CancellationToken.None));
    }
}

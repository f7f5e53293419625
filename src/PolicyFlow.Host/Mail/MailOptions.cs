using System.ComponentModel.DataAnnotations;

namespace PolicyFlow.Host.Mail;

/// <summary>How mail leaves PolicyFlow (section <c>Mail</c>): an SMTP server, or .eml files under data/mail when none is set.</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    /// <summary>The SMTP server; empty (the embedded default) writes every message as an .eml file instead.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 25;

    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.Auto;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    [Range(1, 600)]
    public int SmtpTimeoutSeconds { get; set; } = 30;

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "policyflow@localhost";

    public string FromName { get; set; } = "PolicyFlow 政策落实";

    /// <summary>The Studio's public address; every message links to a task under it.</summary>
    [Required]
    public string StudioBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Gather one recipient's reminders of one day into one digest email (on by default).</summary>
    public bool DigestReminders { get; set; } = true;

    /// <summary>Administrators' templates, <c>{culture}/{kind}.{subject|text|html}.liquid</c>, relative to the content root.</summary>
    [Required]
    public string TemplatesPath { get; set; } = Path.Combine("data", "templates");

    /// <summary>Where .eml files go when no SMTP server is set, relative to the content root.</summary>
    [Required]
    public string PickupPath { get; set; } = Path.Combine("data", "mail");

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(StudioBaseUrl, UriKind.Absolute, out var studio) || (studio.Scheme != Uri.UriSchemeHttp && studio.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult(
                $"Mail:StudioBaseUrl must be the Studio's absolute http(s) address, e.g. https://policyflow.example.gov.cn; it is '{StudioBaseUrl}'.",
                [nameof(StudioBaseUrl)]);
        }
        if (!string.IsNullOrWhiteSpace(SmtpUser) && string.IsNullOrEmpty(SmtpPassword))
        {
            yield return new ValidationResult("Mail:SmtpPassword is required when Mail:SmtpUser is set.", [nameof(SmtpPassword)]);
        }
        if (!UsesSmtp && (!string.IsNullOrWhiteSpace(SmtpUser) || SmtpSecurity is SmtpSecurity.StartTls or SmtpSecurity.SslOnConnect))
        {
            yield return new ValidationResult(
                "Mail:SmtpHost is empty, so mail is written to files, yet SMTP settings are given: set Mail:SmtpHost to the mail server.",
                [nameof(SmtpHost)]);
        }
    }
}

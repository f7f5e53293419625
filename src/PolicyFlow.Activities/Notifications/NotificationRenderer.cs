using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Activities.Notifications;

/// <summary>Renders a notification's subject, text and HTML from its Liquid templates in the recipient's language.</summary>
public sealed class NotificationRenderer
{
    private const int MaxSubjectLength = 250;

    // Escapes markup in user text (a task title is user input) but leaves Chinese readable in the HTML source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly NotificationOptions _options;
    private readonly NotificationTemplates _templates;
    private readonly ConcurrentDictionary<string, TemplateOptions> _templateOptions = new(StringComparer.Ordinal);

    public NotificationRenderer(NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _templates = new NotificationTemplates(options.TemplatesPath);
    }

    /// <summary>Renders <paramref name="kind"/> for <paramref name="to"/>; dates are Asia/Shanghai calendar days.</summary>
    public RenderedNotification Render(NotificationKind kind, Recipient to, NotificationModel model)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(model);
        var name = kind.ToString();
        var cultures = CulturesFor(to.Culture, name);
        return Render(name, cultures, TemplateValues.From(model, to, cultures[0], _options.StudioBaseUrl));
    }

    /// <summary>Template files in the templates folder that do not parse; the host refuses to start with any.</summary>
    public IReadOnlyList<string> ValidateOverrides() => _templates.ValidateOverrides();

    /// <summary>A digest listing <paramref name="items"/> (each a reminder's subject and its task's link).</summary>
    internal RenderedNotification RenderDigest(Recipient to, DateOnly day, IReadOnlyList<(string Subject, string Link)> items)
    {
        var name = nameof(NotificationKind.Digest);
        var cultures = CulturesFor(to.Culture, name);
        var values = TemplateValues.From(new NotificationModel(), to, cultures[0], _options.StudioBaseUrl);
        values["date"] = TemplateValues.FormatDate(day, cultures[0]);
        values["count"] = items.Count;
        values["items"] = items.Select(i => new Dictionary<string, object?> { ["subject"] = i.Subject, ["link"] = i.Link }).ToList();
        return Render(name, cultures, values);
    }

    internal string Link(Guid? taskId, Guid? instanceId) => TemplateValues.Link(_options.StudioBaseUrl, taskId, instanceId);

    private RenderedNotification Render(string name, IReadOnlyList<string> cultures, Dictionary<string, object?> values)
    {
        var context = new TemplateContext(OptionsFor(cultures[0]));
        foreach (var (key, value) in values)
        {
            if (value is not null)
            {
                context.SetValue(key, value);
            }
        }
        var subject = OneLine(_templates.Find(cultures, name + ".subject").Render(context, NullEncoder.Default));
        context.SetValue("subject", subject);
        context.SetValue("body", _templates.Find(cultures, name + ".text").Render(context, NullEncoder.Default).Trim());
        var text = _templates.Find(cultures, "layout.text").Render(context, NullEncoder.Default).Trim() + "\n";
        context.SetValue("body", _templates.Find(cultures, name + ".html").Render(context, Html));
        var html = _templates.Find(cultures, "layout.html").Render(context, Html);
        return new RenderedNotification(subject, text, html, cultures[0]);
    }

    /// <summary>The recipient's culture, its parent, then the default; starting at the first that has this kind's templates.</summary>
    private List<string> CulturesFor(string? culture, string name)
    {
        var chain = new List<string>();
        if (!string.IsNullOrWhiteSpace(culture))
        {
            try
            {
                var info = CultureInfo.GetCultureInfo(culture);
                chain.Add(info.Name);
                if (!string.IsNullOrEmpty(info.Parent.Name))
                {
                    chain.Add(info.Parent.Name);
                }
            }
            catch (CultureNotFoundException)
            {
                // An unknown language tag in a user's profile falls back to the default language.
            }
        }
        chain.Add(_options.DefaultCulture);
        var first = _templates.CultureFor(chain, name + ".subject") ?? _options.DefaultCulture;
        return [.. chain.Skip(Math.Max(0, chain.IndexOf(first))).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private TemplateOptions OptionsFor(string culture) => _templateOptions.GetOrAdd(culture, c => new TemplateOptions
    {
        CultureInfo = CultureInfo.GetCultureInfo(c),
        TimeZone = ChinaTime.Zone,
    });

    private static string OneLine(string subject)
    {
        var line = string.Join(' ', subject.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxSubjectLength ? line : line[..(MaxSubjectLength - 1)] + "…";
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace PolicyFlow.Host.Studio.Localization;

/// <summary>
/// MudBlazor's texts (pager buttons, close buttons, "Required") in Chinese. MudBlazor 9's default localization
/// interceptor asks a registered <see cref="MudLocalizer"/> first in any non-English UI culture and falls back to its
/// built-in English when the key is not found.
/// </summary>
internal sealed class StudioMudLocalizer : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var zh = !Loc.IsEnglish && MudTexts.Zh.TryGetValue(key, out var text) ? text : null;
            return new LocalizedString(key, zh ?? key, resourceNotFound: zh is null);
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = this[key];
            return text.ResourceNotFound ? text
                : new LocalizedString(key, string.Format(System.Globalization.CultureInfo.CurrentCulture, text.Value, arguments), resourceNotFound: false);
        }
    }
}

/// <summary>The one-line registration: <c>services.AddStudioMudLocalization()</c> after <c>AddMudServices</c>.</summary>
internal static class StudioMudLocalizationExtensions
{
    public static IServiceCollection AddStudioMudLocalization(this IServiceCollection services)
    {
        services.TryAddTransient<MudLocalizer, StudioMudLocalizer>();
        return services;
    }
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;
using PolicyFlow.Host.Studio.Data;
using PolicyFlow.Host.Studio.Localization;

namespace PolicyFlow.Host.Studio;

/// <summary>The Studio: Blazor Server pages with MudBlazor, Chinese first with English available.</summary>
public static class StudioExtensions
{
    public static IServiceCollection AddPolicyFlowStudio(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Chinese text goes out as text, not as &#x...; entities eight bytes a character: the prerendered inbox is a third
        // of the size. <, >, &, quotes and the rest HTML gives a meaning to are still encoded.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        services.AddLocalization();
        services.AddStudioMudLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            CultureInfo[] cultures = [new("zh-CN"), new("en")];
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // Only the cookie the culture switch writes: a browser's Accept-Language must not override the Chinese default.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.AddSingleton<Loc>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<StudioUser>();
        services.AddScoped<Layout.NavBadges>();
        services.AddSingleton<ActivityCatalog>();
        return services;
    }

    public static WebApplication MapPolicyFlowStudio(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseAntiforgery();
        app.MapStaticAssets();
        CultureEndpoint.Map(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

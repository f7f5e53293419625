using MudBlazor;

namespace PolicyFlow.Host.Studio.Layout;

/// <summary>A calm government look: one blue, white surfaces, system fonts with Noto Sans CJK SC first for Chinese.</summary>
internal static class StudioTheme
{
    private static readonly string[] Fonts =
        ["Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            Secondary = "#5b6b7f",
            AppbarBackground = "#1f5fa8",
            Background = "#f4f6f9",
            DrawerBackground = "#ffffff",
            Success = "#2e7d32",
            Warning = "#c77700",
            Error = "#c62828",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts, FontSize = "0.875rem" },
            H5 = new H5Typography { FontFamily = Fonts, FontSize = "1.35rem", FontWeight = "600" },
            H6 = new H6Typography { FontFamily = Fonts, FontSize = "1.05rem", FontWeight = "600" },
            Button = new ButtonTypography { FontFamily = Fonts, TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "4px", DrawerWidthLeft = "210px" },
    };
}

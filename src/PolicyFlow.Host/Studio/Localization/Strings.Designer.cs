namespace PolicyFlow.Host.Studio.Localization;

internal static partial class Strings
{
    private static readonly Dictionary<string, (string Zh, string En)> Designer = new()
    {
    };
}

using System.Globalization;
using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Host.Studio.Components;

/// <summary>Times as people in Zhejiang read them: Asia/Shanghai wall-clock, whatever the server's zone.</summary>
internal static class Shanghai
{
    public static string Format(DateTimeOffset? instant, string format = "yyyy-MM-dd HH:mm") =>
        instant is { } t ? TimeZoneInfo.ConvertTime(t, ChinaTime.Zone).ToString(format, CultureInfo.InvariantCulture) : "—";
}

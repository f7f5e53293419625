using System.Globalization;

namespace PolicyFlow.Policies.Tests;

/// <summary>A small document for the corrections: a non-measure, a heading and three measures, the first of two paragraphs.</summary>
internal static class CorrectionDocument
{
    public static string Text(int number = 7, string issuer = "浙经信测") => string.Create(CultureInfo.InvariantCulture, $"""
        {issuer}〔2031〕{number}号

        关于测试更正的若干措施

        一、总体要求
        坚持问题导向，突出重点。
        二、主要任务
        （一）完善培养体系
        推动高校与企业联合培养。
        每年培养不少于1000名。（省经信厅、省教育厅）
        （二）优化评价机制
        完善评价体系。（省人力社保厅、省科技厅）
        （三）加强要素保障
        加大财政支持。（省财政厅）

        本措施自2024年10月1日起施行。

        浙江省经济和信息化厅
        2024年9月10日
        """);
}

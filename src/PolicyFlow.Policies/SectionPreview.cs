namespace PolicyFlow.Policies;

/// <summary>A numbered part of the policy (一、贯通人才评价体系) grouping measures.</summary>
/// <param name="Number">1 for 一、, 2 for 二、 and so on.</param>
/// <param name="NumberText">The number as written, e.g. 一、.</param>
public sealed record SectionPreview(int Number, string NumberText, string Title);

namespace PolicyFlow.Activities.Policies;

/// <summary>A measure heading: line index, number, number as written and the rest of the heading line.</summary>
internal sealed record MeasureHeading(int Line, int Number, string NumberText, string Rest, int? SectionIndex);

/// <summary>A section heading (一、…) found before or between measures.</summary>
internal sealed record SectionHeading(int Line, int Number, string NumberText, string Title);

/// <summary>Where the structured part of a document starts and where its headings are.</summary>
internal sealed record DocumentLayout(
    int BodyStart,
    IReadOnlyList<MeasureHeading> Measures,
    IReadOnlyList<SectionHeading> Sections)
{
    /// <summary>The line after a measure's last line: the next measure or section heading, or the end.</summary>
    public int EndOf(int measureIndex, int lineCount)
    {
        var start = Measures[measureIndex].Line;
        var next = measureIndex + 1 < Measures.Count ? Measures[measureIndex + 1].Line : lineCount;
        var section = Sections.FirstOrDefault(s => s.Line > start && s.Line < next);
        return section?.Line ?? next;
    }
}

namespace PolicyFlow.Policies;

/// <summary>A measure heading: line index, number, number as written and the rest of the heading line.</summary>
/// <param name="End">The line after the measure's last line, or -1 to end it at the next measure or section heading.</param>
internal sealed record MeasureHeading(int Line, int Number, string NumberText, string Rest, int? SectionIndex, int End = -1);

/// <summary>A section heading (一、…) found before or between measures.</summary>
internal sealed record SectionHeading(int Line, int Number, string NumberText, string Title);

/// <summary>Where the structured part of a document starts and where its headings are.</summary>
/// <param name="ByLists">Measures were chosen because they carry agency lists (otherwise by numbering alone).</param>
internal sealed record DocumentLayout(
    int BodyStart,
    IReadOnlyList<MeasureHeading> Measures,
    IReadOnlyList<SectionHeading> Sections,
    IReadOnlyList<NonMeasurePreview> NonMeasures,
    bool ByLists)
{
    public DocumentLayout(int bodyStart, IReadOnlyList<MeasureHeading> measures, IReadOnlyList<SectionHeading> sections)
        : this(bodyStart, measures, sections, [], ByLists: false)
    {
    }

    /// <summary>The line after a measure's last line: its own end, else the next measure or section heading, or the end.</summary>
    public int EndOf(int measureIndex, int lineCount)
    {
        var measure = Measures[measureIndex];
        if (measure.End >= 0)
        {
            return measure.End;
        }
        var start = measure.Line;
        var next = measureIndex + 1 < Measures.Count ? Measures[measureIndex + 1].Line : lineCount;
        var section = Sections.FirstOrDefault(s => s.Line > start && s.Line < next);
        return section?.Line ?? next;
    }
}

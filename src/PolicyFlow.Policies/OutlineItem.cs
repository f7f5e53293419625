namespace PolicyFlow.Policies;

/// <summary>A numbered line: 一、 (level 1), （一） (2), 1. or 1、 (3), （1） (4).</summary>
/// <param name="Line">The line index.</param>
/// <param name="Rest">The heading line's text after the number.</param>
/// <param name="Part">Which part of the document it is in: a signature block in the middle (a notice with an attached 方案) starts a new part.</param>
internal sealed record OutlineItem(int Line, int Level, int Number, string NumberText, string Rest, int Part);

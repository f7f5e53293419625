namespace PolicyFlow.Policies;

/// <summary>A deadline the text states relative to an event (印发之日起30日内), which the policy office turns into a date.</summary>
/// <param name="Where">The measure label it occurs in, or 正文 for text outside the measures.</param>
/// <param name="Text">The phrase as written.</param>
public sealed record RelativeDatePreview(string Where, string Text);

namespace PolicyFlow.Activities.Calendar;

/// <summary>A weekend day worked instead of a holiday weekday (调休上班).</summary>
public sealed record MakeUpWorkday(DateOnly Date, string Reason);

namespace PolicyFlow.Activities.Calendar;

/// <summary>Consecutive days off (放假调休), both ends included, as listed in a State Council notice.</summary>
public sealed record HolidayRange(string Name, DateOnly From, DateOnly To);

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PolicyFlow.Engine.Persistence;

/// <summary>Stores an instant as Unix milliseconds (UTC).</summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));

namespace PolicyFlow.Testing;

/// <summary>Orders the sink's &lt;unix-nanos&gt;-&lt;n&gt;.eml files by arrival.</summary>
internal sealed class MailFileOrder : IComparer<string>
{
    public static readonly MailFileOrder Instance = new();

    public int Compare(string? x, string? y) => Key(x).CompareTo(Key(y));

    private static (long Nanos, long Sequence, string Name) Key(string? path)
    {
        var name = Path.GetFileNameWithoutExtension(path) ?? "";
        var parts = name.Split('-');
        return parts.Length == 2 && long.TryParse(parts[0], out var nanos) && long.TryParse(parts[1], out var sequence)
            ? (nanos, sequence, name)
            : (long.MaxValue, long.MaxValue, name);
    }
}

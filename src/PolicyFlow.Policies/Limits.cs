using System.Globalization;

namespace PolicyFlow.Policies;

/// <summary>Bounds no real policy document comes near; past them a text is refused at once instead of read for seconds.</summary>
internal static class Limits
{
    /// <summary>The largest real documents number a few hundred items at every level together.</summary>
    public const int MaxNumberedItems = 5000;

    public static PolicyFormatException TooMany(string zh, string en, int max) => new(PolicyFormatError.TooComplex,
        string.Create(CultureInfo.InvariantCulture,
            $"文档的{zh}超过 {max} 个，不像一份政策文件，未导入。(The document has more than {max} {en}; it does not look like a policy document and was not imported.)"));
}

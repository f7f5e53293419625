using System.Text;

namespace PolicyFlow.Testing;

/// <summary>Documents built against the importer: shapes that make a naive parser backtrack or compare every item with every other.</summary>
public static class HostileDocuments
{
    public static IReadOnlyList<string> Kinds { get; } = ["backtracking lists", "deep outline", "one long line", "unclosed brackets", "numbered lines"];

    /// <summary>About <paramref name="bytes"/> UTF-8 bytes of <paramref name="kind"/>.</summary>
    public static string Make(string kind, int bytes)
    {
        var text = new StringBuilder("关于恶意输入的若干措施\n\n");
        var chars = bytes / 3;
        var i = 0;
        while (text.Length < chars)
        {
            i++;
            switch (kind)
            {
                case "backtracking lists":
                    // Lists that almost end in 牵头单位 / 负责 / 政府, many times over, never quite.
                    text.Append("（一）措施。正文。（省经信厅为牵头").Append(string.Concat(Enumerable.Repeat("为是牵头单", 40)))
                        .Append("、各市政府政").Append(string.Concat(Enumerable.Repeat("等有关部门和", 30))).Append("）\n");
                    break;
                case "deep outline":
                    // One chapter over an endless run of sub-items: every item has every other below it.
                    text.Append(i == 1 ? "一、总体要求\n" : $"（{(i % 9) + 1}）子项第{i}条。\n");
                    break;
                case "one long line":
                    text.Append("省经信厅、省财政厅、各设区市政府、有关部门和单位、");
                    break;
                case "unclosed brackets":
                    text.Append("（（（〔〔（省经信厅、");
                    break;
                default:
                    text.Append(i % 99 + 1).Append(". 第").Append(i).Append("项措施。（省经信厅负责）\n");
                    break;
            }
        }
        return text.ToString();
    }
}

using System.Text.RegularExpressions;

namespace PolicyFlow.Policies;

/// <summary>What kind of party a name in an agency list is: a local government, a generic reference, or an agency.</summary>
/// <remarks>Local governments (各省级人民政府, 各设区市政府, 试点城市政府, 各市、县（市、区）) are parties that implement a
/// measure in their region, not co-agencies; generic references (有关部门, 市级各有关部门) name no one and only say the
/// list is open-ended.</remarks>
internal static partial class PartyNames
{
    private const int MatchTimeoutMs = 1000;

    public static bool IsLocalGovernment(string name) =>
        name.Length <= 30 && (PatternTimeout.Use(LocalPlace()).IsMatch(name) || PatternTimeout.Use(LocalGovernment()).IsMatch(name));

    /// <summary>Whether a clause mentions cities or counties at all (以下均需各市、县〔市、区〕落实).</summary>
    public static bool MentionsLocalPlace(string text) => PatternTimeout.Use(LocalPlace()).IsMatch(text);

    public static bool IsGenericReference(string name) => PatternTimeout.Use(GenericReference()).IsMatch(name);

    /// <summary>Whether a name has the shape of an agency (省人社厅, 人社部, 某某局) rather than of a place or party.</summary>
    public static bool LooksLikeAgency(string name) => name.Length <= 24 && PatternTimeout.Use(AgencyShape()).IsMatch(name);

    [GeneratedRegex("各市|市、县|县〔市、区〕|县（市、区）|市（州）|市〔州〕|设区市|各地|各县|各区|各街道|各乡镇", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex LocalPlace();

    // A named government (杭州市政府) or a class of them (各省级人民政府, 试点城市政府, 各街道办事处).
    // A development zone is governed by its committee and takes measures on like a district: 立山经济开发区, 滁州经开区管委会.
    [GeneratedRegex("^((各|试点|有关|相关|所在地|项目所在地)[\\u4E00-\\u9FFF、（）〔〕]*|[\\u4E00-\\u9FFF]{1,12}(省|市|县|区|州|盟|旗|镇|乡))(人民政府|政府|管委会|街道办事处|办事处)$|^[\\u4E00-\\u9FFF]{2,12}(开发区|经开区|高新区|新区)$|^各(街道|乡镇|镇街)$",
        RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex LocalGovernment();

    // 有关部门, 市直各有关单位, 省政府各部门, 各直属机构, 区直各部门, 国务院各部门: a class of departments, none of them named;
    // so are the members or the lead units of a named body (…执行小组成员单位, 省十大新兴产业推进组工作专班牵头单位).
    [GeneratedRegex("^(国家|中央|国务院|省|市|区|县)?(级|直|政府|级政府)?(各|其他)?(有关|相关)?(部门|单位|直属机构)(和单位|和部门|、单位)?$|^[\\u4E00-\\u9FFF“”]{2,}(小组|工作组|推进组|专班|委员会|联席会议)(成员单位|牵头单位)$",
        RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex GenericReference();

    [GeneratedRegex("^[\\u4E00-\\u9FFF]{2,}(部|厅|局|委|办|办公室|会|协|联|院|署|行|中心|政府|集团|公司|大学|学院|总队|支队|中央|总社|海关)$",
        RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex AgencyShape();
}

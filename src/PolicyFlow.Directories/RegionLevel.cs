namespace PolicyFlow.Directories;

/// <summary>The three tiers of Zhejiang's administrative hierarchy that policy work cascades through.</summary>
public enum RegionLevel
{
    /// <summary>The province itself (浙江省).</summary>
    Province,

    /// <summary>A prefecture-level city (设区市).</summary>
    City,

    /// <summary>A county-level unit: 区, 县 or 县级市.</summary>
    County,
}

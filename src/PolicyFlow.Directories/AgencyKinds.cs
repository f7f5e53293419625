namespace PolicyFlow.Directories;

/// <summary>The lines of work PolicyFlow knows, with the names Zhejiang's documents use for them.</summary>
/// <remarks>County-level 发展改革 bodies are bureaus (发展和改革局), unlike the cities' commissions (委员会);
/// every other line uses the same form at city and county level.</remarks>
internal static class AgencyKinds
{
    public static IReadOnlyList<AgencyKind> All { get; } =
    [
        new()
        {
            Code = "jx", Label = "经信", ProvincialName = "浙江省经济和信息化厅",
            ProvincialAliases = ["省经信厅", "浙江省经信厅"],
            NationalNames = ["工业和信息化部", "工信部", "中华人民共和国工业和信息化部"],
            CityTemplate = "{region}经信局", CityAliasTemplates = ["{region}经济和信息化局"],
        },
        new()
        {
            Code = "rcb", Label = "人才办", ProvincialName = "中共浙江省委人才工作领导小组办公室",
            ProvincialAliases = ["省委人才办", "浙江省委人才办"],
            NationalNames = ["中央人才工作协调小组办公室", "中央人才办"],
            CityTemplate = "{region}委人才办",
            CityAliasTemplates = ["中共{region}委人才工作领导小组办公室", "{region}委人才工作领导小组办公室"],
        },
        new()
        {
            Code = "rlsb", Label = "人力社保", ProvincialName = "浙江省人力资源和社会保障厅",
            ProvincialAliases = ["省人力社保厅", "省人社厅", "省人社保厅", "浙江省人力社保厅", "浙江省人社厅"],
            NationalNames = ["人力资源社会保障部", "人力资源和社会保障部", "人社部", "中华人民共和国人力资源和社会保障部"],
            CityTemplate = "{region}人力社保局", CityAliasTemplates = ["{region}人力资源和社会保障局", "{region}人社局"],
        },
        new()
        {
            Code = "kj", Label = "科技", ProvincialName = "浙江省科学技术厅",
            ProvincialAliases = ["省科技厅", "浙江省科技厅"],
            NationalNames = ["科技部", "科学技术部", "中华人民共和国科学技术部"],
            CityTemplate = "{region}科技局", CityAliasTemplates = ["{region}科学技术局"],
        },
        new()
        {
            Code = "fgw", Label = "发展改革", ProvincialName = "浙江省发展和改革委员会",
            ProvincialAliases = ["省发展改革委", "省发改委", "浙江省发展改革委", "浙江省发改委"],
            NationalNames = ["发展改革委", "国家发展改革委", "国家发展和改革委员会", "国家发改委", "发改委"],
            CityTemplate = "{region}发展改革委", CityAliasTemplates = ["{region}发展和改革委员会", "{region}发改委"],
            CountyTemplate = "{region}发展改革局", CountyAliasTemplates = ["{region}发展和改革局", "{region}发改局"],
        },
        new()
        {
            Code = "jy", Label = "教育", ProvincialName = "浙江省教育厅",
            ProvincialAliases = ["省教育厅"],
            NationalNames = ["教育部", "中华人民共和国教育部"],
            CityTemplate = "{region}教育局",
        },
        new()
        {
            Code = "cz", Label = "财政", ProvincialName = "浙江省财政厅",
            ProvincialAliases = ["省财政厅"],
            NationalNames = ["财政部", "中华人民共和国财政部"],
            CityTemplate = "{region}财政局",
        },
        new()
        {
            Code = "kx", Label = "科协", ProvincialName = "浙江省科学技术协会",
            ProvincialAliases = ["省科协", "浙江省科协"],
            NationalNames = ["中国科协", "中国科学技术协会"],
            CityTemplate = "{region}科协", CityAliasTemplates = ["{region}科学技术协会"],
        },
        new()
        {
            Code = "zgh", Label = "总工会", ProvincialName = "浙江省总工会",
            ProvincialAliases = ["省总工会"],
            NationalNames = ["全国总工会", "中华全国总工会"],
            CityTemplate = "{region}总工会",
        },
        new()
        {
            Code = "xc", Label = "宣传", ProvincialName = "中共浙江省委宣传部",
            ProvincialAliases = ["省委宣传部", "浙江省委宣传部"],
            NationalNames = ["中央宣传部", "中宣部"],
            CityTemplate = "{region}委宣传部", CityAliasTemplates = ["中共{region}委宣传部"],
        },
        new()
        {
            Code = "tz", Label = "统战", ProvincialName = "中共浙江省委统一战线工作部",
            ProvincialAliases = ["省委统战部", "浙江省委统战部", "中共浙江省委统战部"],
            NationalNames = ["中央统战部", "中央统一战线工作部"],
            CityTemplate = "{region}委统战部",
            CityAliasTemplates = ["中共{region}委统一战线工作部", "{region}委统一战线工作部", "中共{region}委统战部"],
        },
        new()
        {
            Code = "zz", Label = "组织", ProvincialName = "中共浙江省委组织部",
            ProvincialAliases = ["省委组织部", "浙江省委组织部"],
            NationalNames = ["中央组织部", "中组部"],
            CityTemplate = "{region}委组织部", CityAliasTemplates = ["中共{region}委组织部"],
        },
        new()
        {
            Code = "sw", Label = "商务", ProvincialName = "浙江省商务厅",
            ProvincialAliases = ["省商务厅"],
            NationalNames = ["商务部", "中华人民共和国商务部"],
            CityTemplate = "{region}商务局",
        },
        new()
        {
            Code = "scjg", Label = "市场监管", ProvincialName = "浙江省市场监督管理局",
            ProvincialAliases = ["省市场监管局", "浙江省市场监管局"],
            NationalNames = ["市场监管总局", "国家市场监督管理总局", "国家市场监管总局"],
            CityTemplate = "{region}市场监管局", CityAliasTemplates = ["{region}市场监督管理局"],
        },
    ];
}

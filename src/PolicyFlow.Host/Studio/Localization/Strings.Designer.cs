namespace PolicyFlow.Host.Studio.Localization;

internal static partial class Strings
{
    // The designer's texts come from several files (page, activity types, properties, validation); one part for Build.
    private static IEnumerable<KeyValuePair<string, (string Zh, string En)>> Designer =>
        DesignerPage.Concat(ActivityTexts).Concat(PropertyTexts).Concat(ValidationTexts);

    private static readonly Dictionary<string, (string Zh, string En)> DesignerPage = new()
    {
        ["Designer.Title"] = ("流程设计", "Designer"),
        ["Designer.Palette"] = ("组件", "Activities"),
        ["Designer.PaletteHint"] = ("点击或拖到画布", "Click, or drag onto the canvas"),
        ["Designer.Properties"] = ("属性", "Properties"),
        ["Designer.NoSelection"] = ("选择一个节点以编辑其属性；从节点右侧的结果端口拖线到另一节点左侧以连接。",
            "Select a node to edit it; drag from an outcome port on a node's right to another node's left to connect."),
        ["Designer.NodeId"] = ("编号", "Id"),
        ["Designer.NodeType"] = ("类型", "Type"),
        ["Designer.NodeName"] = ("显示名称", "Display name"),
        ["Designer.PropertiesJson"] = ("属性（JSON）", "Properties (JSON)"),
        ["Designer.PropertyHelp"] = ("可用属性（* 为必填）", "Properties (* required)"),
        ["Designer.PropertiesNotObject"] = ("属性必须是 JSON 对象。", "Properties must be a JSON object."),
        ["Designer.BadJson"] = ("JSON 无效：{0}", "Invalid JSON: {0}"),
        ["Designer.Apply"] = ("应用", "Apply"),
        ["Designer.Remove"] = ("删除节点", "Delete node"),
        ["Designer.Fit"] = ("适应画布", "Fit"),
        ["Designer.PanHint"] = ("拖动画布查看其余部分，按住 Ctrl 滚动鼠标缩放", "Drag the canvas to see the rest; Ctrl + wheel zooms"),
        ["Designer.AutoLayout"] = ("自动布局", "Auto layout"),
        ["Designer.AutoLayoutHint"] = ("按从左到右的顺序重新排列节点，互不重叠", "Arrange the nodes left to right so none overlap"),
        ["Designer.Canvas"] = ("流程图画布：方向键依次选择节点，Delete 删除所选节点", "Flowchart canvas: arrow keys select the nodes in turn, Delete removes the selected one"),
        ["Designer.Viewer"] = ("流程图", "Flowchart"),
        ["Designer.PropertyName"] = ("属性", "Property"),
        ["Designer.PropertyRequired"] = ("必填", "required"),
        ["Designer.SaveDraft"] = ("保存草稿", "Save draft"),
        ["Designer.Publish"] = ("发布", "Publish"),
        ["Designer.Saved.Draft"] = ("草稿已保存（版本 {0}）", "Draft saved (version {0})"),
        ["Designer.Published"] = ("已发布版本 {0}", "Version {0} published"),
        ["Designer.Invalid"] = ("流程定义有 {0} 处错误，未保存：", "The definition has {0} defect(s); nothing was saved:"),
        ["Designer.Versions"] = ("版本", "Versions"),
        ["Designer.Saved"] = ("保存/发布时间", "Saved / published"),
        ["Def.Id"] = ("编号", "Id"),
        ["Def.Name"] = ("名称", "Name"),
        ["Def.Latest"] = ("最新版本", "Latest version"),
        ["Def.Design"] = ("设计", "Design"),
        ["Def.Empty"] = ("还没有流程定义。", "No definitions yet."),
        ["Def.NewId"] = ("新流程编号", "New definition id"),
        ["Def.NewIdHelp"] = ("字母、数字、- _ .", "Letters, digits, - _ ."),
        ["Def.Create"] = ("新建流程", "New definition"),
        ["TimerKind.Resume"] = ("恢复", "Resume"),
        ["TimerKind.Reminder"] = ("提醒", "Reminder"),
        ["TimerKind.Overdue"] = ("逾期通知", "Overdue"),
        ["TimerKind.Escalation"] = ("督办升级", "Escalation"),
    };
}

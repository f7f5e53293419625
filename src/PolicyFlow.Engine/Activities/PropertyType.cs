namespace PolicyFlow.Engine.Activities;

/// <summary>The JSON type an activity property must have.</summary>
public enum PropertyType
{
    String,
    Integer,
    Number,
    Boolean,
    StringList,
    DateTime,
    Object,
    Any,
}

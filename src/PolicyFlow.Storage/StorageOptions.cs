using System.ComponentModel.DataAnnotations;

namespace PolicyFlow.Host.Storage;

/// <summary>Where workflow data and Hangfire's jobs live: an embedded SQLite file, or PostgreSQL shared by every host.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>For PostgreSQL, required; for SQLite, defaults to <c>data/policyflow.db</c> under the content root.</summary>
    public string? ConnectionString { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Storage:ConnectionString is required when Storage:Provider is PostgreSql (e.g. Host=db;Database=policyflow;Username=…;Password=…).",
                [nameof(ConnectionString)]);
        }
    }
}

/// <summary>The supported databases.</summary>
public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}

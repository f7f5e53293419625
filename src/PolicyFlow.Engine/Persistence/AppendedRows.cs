using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PolicyFlow.Engine.Persistence;

/// <summary>
/// Rows a unit of work only adds and never changes after (journal lines, timers, outbox messages and what they are written
/// with), written with multi-row INSERTs in its transaction instead of through the change tracker. A cascade adds 769
/// journal lines, 613 timers and 204 messages and notices; on SQLite, which sends each tracked row as a command of its own,
/// they were most of the cascade's time. The statement is built from EF Core's model (table,
/// columns, each column's type mapping and converter), so it is the same on every provider and the rows are exactly what
/// SaveChanges would have written; it goes through EF Core, so its interceptors and the unit's transaction apply.
/// </summary>
internal sealed class AppendedRows
{
    /// <summary>
    /// Parameters per statement. Few enough that binding stays cheap (SQLite's driver looks each name up among the
    /// statement's parameters, so a statement's binding grows with the square of its parameters: 100 timers per statement
    /// made the cascade slower on SQLite, not faster), many enough that PostgreSQL gets a cascade's rows in a few dozen round trips.
    /// </summary>
    private const int ParametersPerStatement = 200;
    private readonly List<object> _rows = [];

    public void Add(object row) => _rows.Add(row);

    /// <summary>
    /// Below this many rows of a type, they go to the change tracker as before: EF Core sends them on PostgreSQL in the same
    /// batch as the unit's other changes (one round trip), where a statement of their own would be one more. A task
    /// completion adds a few; a cascade adds hundreds.
    /// </summary>
    private const int FewRows = 32;

    /// <summary>Hands the types with few rows to the change tracker, to be written by the next SaveChanges.</summary>
    public void TrackFew(DbContext db)
    {
        var few = _rows.GroupBy(r => r.GetType()).Where(g => g.Count() < FewRows).SelectMany(g => g).ToHashSet(ReferenceEqualityComparer.Instance);
        if (few.Count == 0)
        {
            return;
        }
        db.AddRange(_rows.Where(few.Contains));
        _rows.RemoveAll(few.Contains);
    }

    /// <summary>Writes the rows added since the last call, each entity type's in the order they were added.</summary>
    public async Task WriteAsync(DbContext db, CancellationToken cancellationToken)
    {
        foreach (var rows in _rows.GroupBy(r => r.GetType()))
        {
            await WriteAsync(db, rows.Key, rows.ToList(), cancellationToken);
        }
        _rows.Clear();
    }

    private static async Task WriteAsync(DbContext db, Type type, List<object> rows, CancellationToken cancellationToken)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"The model has no {type.Name}.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // Every column, but a key the database generates (the journal's identity): the rows carry every other value, the
        // timers' ids included.
        var columns = entity.GetProperties().Where(p => !StoreGenerated(p, rows[0]))
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        // A command only to make the parameters: each column's mapping sets the parameter's type and converts the value.
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        foreach (var chunk in rows.Chunk(Math.Max(1, ParametersPerStatement / columns.Count)))
        {
            var text = new StringBuilder(insert);
            var parameters = new List<DbParameter>(chunk.Length * columns.Count);
            foreach (var row in chunk)
            {
                text.Append(parameters.Count == 0 ? "(" : ", (");
                foreach (var (property, _, mapping) in columns)
                {
                    var name = $"r{parameters.Count}";
                    text.Append(property == columns[0].Property ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    parameters.Add(mapping.CreateParameter(factory, sql.GenerateParameterName(name), property.GetGetter().GetClrValue(row),
                        property.IsNullable));
                }
                text.Append(')');
            }
            try
            {
                await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, cancellationToken);
            }
            catch (DbException ex)
            {
                // As SaveChanges reports it, so a caller (the engine's retry on a conflict) cannot tell the two paths apart.
                throw new DbUpdateException($"Writing {chunk.Length} {entity.GetTableName()} rows failed: {ex.Message}", ex);
            }
        }
    }

    private static bool StoreGenerated(IProperty property, object row) =>
        property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never
        && Equals(property.GetGetter().GetClrValue(row), property.ClrType.IsValueType ? Activator.CreateInstance(property.ClrType) : null);
}

using Microsoft.SqlServer.Dac.Model;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Hotline.Api.Tests.Storage.SqlServer;

/// <summary>
/// A DacFx model of the schema the SQL Server migrations leave behind, for semantic validation without a server.
/// DacFx models objects, not the steps that made them, so the migrations are replayed first: a table is kept
/// as its CREATE TABLE syntax tree and later ALTER TABLE ADD/DROP steps edit that tree; every other object is
/// kept as the one statement that created it. Data statements (the seed rows) are skipped. A statement of a
/// kind the replay does not know fails loudly, so a new kind of migration step is never silently ignored.
/// </summary>
internal static class SqlServerModel
{
    private static readonly Sql160ScriptGenerator Generator = new(new SqlScriptGeneratorOptions { IncludeSemicolons = true });

    /// <summary>The DDL of the schema after every migration, one object per entry, named for the migration that last shaped it.</summary>
    public static IReadOnlyList<(string Source, string Ddl)> Replay(IEnumerable<(string Name, string Sql)> migrations)
    {
        var tables = new Dictionary<string, (string Source, CreateTableStatement Create)>(StringComparer.OrdinalIgnoreCase);
        var others = new Dictionary<string, (string Source, string Table, string Ddl)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, sql) in migrations)
        {
            var script = (TSqlScript)SqlServerScripts.ParseValid(name, sql);
            foreach (var statement in script.Batches.SelectMany(b => b.Statements))
            {
                var text = Text(sql, statement);
                switch (statement)
                {
                    case CreateTableStatement create:
                        tables[Key(create.SchemaObjectName)] = (name, create);
                        break;
                    case AlterTableAddTableElementStatement add:
                        var added = Table(tables, add.SchemaObjectName, name).Create.Definition;
                        foreach (var column in add.Definition.ColumnDefinitions)
                        {
                            added.ColumnDefinitions.Add(column);
                        }

                        foreach (var constraint in add.Definition.TableConstraints)
                        {
                            added.TableConstraints.Add(constraint);
                        }

                        tables[Key(add.SchemaObjectName)] = (name, tables[Key(add.SchemaObjectName)].Create);
                        break;
                    case AlterTableDropTableElementStatement drop:
                        var definition = Table(tables, drop.SchemaObjectName, name).Create.Definition;
                        foreach (var element in drop.AlterTableDropTableElements)
                        {
                            RemoveNamed(definition.ColumnDefinitions, c => c.ColumnIdentifier.Value, element.Name.Value);
                            RemoveNamed(definition.TableConstraints, c => c.ConstraintIdentifier?.Value, element.Name.Value);
                            // A constraint declared on its column (CONSTRAINT CK_... CHECK after the type) is dropped by name too.
                            foreach (var column in definition.ColumnDefinitions)
                            {
                                RemoveNamed(column.Constraints, c => c.ConstraintIdentifier?.Value, element.Name.Value);
                            }
                        }

                        break;
                    case CreateIndexStatement index:
                        others[$"{Key(index.OnName)}.{index.Name.Value}"] = (name, Key(index.OnName), text);
                        break;
                    case DropIndexStatement dropIndex:
                        foreach (var clause in dropIndex.DropIndexClauses.OfType<DropIndexClause>())
                        {
                            others.Remove($"{Key(clause.Object)}.{clause.Index.Value}");
                        }

                        break;
                    case DropTableStatement dropTable:
                        foreach (var dropped in dropTable.Objects)
                        {
                            tables.Remove(Key(dropped));
                            foreach (var owned in others.Where(o => o.Value.Table.Equals(Key(dropped), StringComparison.OrdinalIgnoreCase)).ToList())
                            {
                                others.Remove(owned.Key);
                            }
                        }

                        break;
                    case CreateViewStatement or CreateProcedureStatement or CreateFunctionStatement or CreateRoleStatement
                        or CreateUserStatement or CreateSchemaStatement or CreateTypeStatement or CreateSequenceStatement
                        or GrantStatement or DenyStatement:
                        others[$"{statement.GetType().Name}#{others.Count}"] = (name, "", text);
                        break;
                    case InsertStatement or UpdateStatement or DeleteStatement or MergeStatement or SelectStatement
                        or DeclareVariableStatement or SetVariableStatement or PrintStatement:
                        break;
                    default:
                        throw new InvalidOperationException(
                            $"{name}: the model replay does not know a {statement.GetType().Name} (\"{Truncate(text)}\"); teach SqlServerModel.Replay what it does to the schema.");
                }
            }
        }

        return tables.Select(t => (t.Value.Source, Script(t.Value.Create)))
            .Concat(others.Values.Select(o => (o.Source, o.Ddl)))
            .ToList();
    }

    /// <summary>A model of the replayed schema, for reading; it throws if DacFx refuses an object.</summary>
    public static TSqlModel Build(IEnumerable<(string Source, string Ddl)> objects)
    {
        var (model, refused) = Add(objects);
        return refused.Count == 0 ? model : throw new InvalidOperationException(string.Join(Environment.NewLine, refused));
    }

    public static TSqlModel FromMigrations() => Build(Replay(SqlServerScripts.Migrations(DatabaseProvider.SqlServer)));

    /// <summary>
    /// Everything DacFx holds against the objects, each naming its source: the objects it refuses to add (a
    /// procedure naming an undeclared variable), then validation's errors and its unresolved references.
    /// Validation names the object, not the source, so a statement procedure's message is led by its file name.
    /// An unresolved table in a procedure is only a warning to DacFx (SQL Server defers resolving it to the
    /// first run), but for Hotline's statements it is a bug, so that warning counts too.
    /// </summary>
    public static IReadOnlyList<string> Errors(IEnumerable<(string Source, string Ddl)> objects)
    {
        var (model, refused) = Add(objects);
        using (model)
        {
            return refused
                .Concat(model.Validate()
                    .Where(m => m.MessageType == Microsoft.SqlServer.Dac.DacMessageType.Error || m.Number == UnresolvedReference)
                    .Where(m => !SystemProcedures.Any(p => m.Message.Contains($"[dbo].[{p}]", StringComparison.OrdinalIgnoreCase)))
                    .Select(m => $"{SourceOf(m.Message)}{m.Prefix}{m.Number}: {m.Message}"))
                .ToList();
        }
    }

    private const int UnresolvedReference = 71502;

    // System procedures live in master, which a model built from Hotline's scripts alone does not hold.
    private static readonly string[] SystemProcedures = ["sp_getapplock", "sp_releaseapplock"];

    // A source name owns the objects last added under it, so each object gets a name of its own.
    private static (TSqlModel Model, List<string> Refused) Add(IEnumerable<(string Source, string Ddl)> objects)
    {
        var model = new TSqlModel(SqlServerVersion.Sql160, new TSqlModelOptions());
        var refused = new List<string>();
        foreach (var ((source, ddl), index) in objects.Select((o, i) => (o, i)))
        {
            try
            {
                model.AddOrUpdateObjects(ddl, $"{source}#{index}", new TSqlObjectOptions());
            }
            catch (DacModelException ex)
            {
                refused.Add($"{source}: {ex.Message.ReplaceLineEndings(" ").Trim()}");
            }
        }

        return (model, refused);
    }

    /// <summary>The name of the procedure that wraps a statement file.</summary>
    public static string ProcedureFor(string statement) => $"{StatementPrefix}{statement}";

    private const string StatementPrefix = "Statement_";

    private static string SourceOf(string message)
    {
        var start = message.IndexOf($"[dbo].[{StatementPrefix}", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var name = message[(start + StatementPrefix.Length + "[dbo].[".Length)..];
        return $"{name[..name.IndexOf(']', StringComparison.Ordinal)]}.sql: ";
    }

    private static (string Source, CreateTableStatement Create) Table(
        Dictionary<string, (string Source, CreateTableStatement Create)> tables, SchemaObjectName name, string migration) =>
        tables.TryGetValue(Key(name), out var table)
            ? table
            : throw new InvalidOperationException($"{migration}: ALTER TABLE {Key(name)} before it is created.");

    private static void RemoveNamed<T>(IList<T> items, Func<T, string?> nameOf, string name)
    {
        foreach (var item in items.Where(i => string.Equals(nameOf(i), name, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            items.Remove(item);
        }
    }

    // Unqualified names are dbo's: that is the application user's default schema.
    private static string Key(SchemaObjectName name) => $"{name.SchemaIdentifier?.Value ?? "dbo"}.{name.BaseIdentifier.Value}";

    private static string Text(string sql, TSqlFragment fragment) => sql.Substring(fragment.StartOffset, fragment.FragmentLength);

    private static string Script(TSqlFragment fragment)
    {
        Generator.GenerateScript(fragment, out var script);
        return script;
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "...";
}

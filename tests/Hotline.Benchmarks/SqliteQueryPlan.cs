namespace Hotline.Benchmarks;

/// <summary>SQLite's <c>EXPLAIN QUERY PLAN</c> as indented lines, so a run shows which indexes a statement used.</summary>
internal static class SqliteQueryPlan
{
    public static IReadOnlyList<string> Explain(string connectionString, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        // Each row names its parent step; depth in that tree becomes indentation.
        var depth = new Dictionary<long, int> { [0] = 0 };
        var lines = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var level = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
            depth[reader.GetInt64(0)] = level;
            lines.Add(new string(' ', 2 * level) + reader.GetString(3));
        }

        return lines;
    }
}

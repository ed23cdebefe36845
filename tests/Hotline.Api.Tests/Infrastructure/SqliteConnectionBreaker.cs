using Microsoft.Data.Sqlite;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>Makes a running host's SQLite database unusable: every later query fails as if the disk had gone bad.</summary>
public static class SqliteConnectionBreaker
{
    public static void Break(string databaseFile)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(databaseFile)!, Path.GetFileName(databaseFile) + "*"))
        {
            File.Delete(file);
        }

        File.WriteAllText(databaseFile, new string('x', 4096));
    }
}

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// Makes a running host's SQLite database unusable: every later query fails as if the disk had gone bad.
/// The files are overwritten in place, at their own length, because the host keeps connections open
/// (and the shared-memory index mapped) between requests.
/// </summary>
public static class SqliteConnectionBreaker
{
    public static void Break(string databaseFile)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(databaseFile)!, Path.GetFileName(databaseFile) + "*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            var garbage = new byte[stream.Length];
            Array.Fill(garbage, (byte)'x');
            stream.Write(garbage);
        }
    }
}

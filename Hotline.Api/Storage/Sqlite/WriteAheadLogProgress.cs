namespace Hotline.Api.Storage.Sqlite;

/// <summary>What a checkpoint reported: the pages in the log, and how many of them are now in the database file.</summary>
internal readonly record struct WriteAheadLogProgress(int LogFrames, int CopiedFrames)
{
    public int Uncopied => LogFrames - CopiedFrames;
}

namespace Hotline.Api.Storage;

/// <summary>What a checkpoint reported: whether something kept it from finishing, the pages in the log, and how many of them are now in the database file.</summary>
internal readonly record struct WriteAheadLogProgress(bool Busy, int LogFrames, int CopiedFrames)
{
    public int Uncopied => LogFrames - CopiedFrames;
}

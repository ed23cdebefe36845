namespace Hotline.Api.Storage.Sqlite;

/// <summary>
/// When <see cref="WriteAheadLogCheckpointJob"/> starts the log again. A longer log lets more repeated
/// writes of one page be copied once; the restart holds the writer while the last frames are copied.
/// </summary>
/// <param name="RestartAtFrames">Log length, in pages, past which the log is started again.</param>
/// <param name="MostUncopiedForRestart">Pages that may still need copying while the writer waits.</param>
/// <param name="MostCopiesBeforeRestart">Copies tried in one pass to get there; if the writer outruns them, the next pass tries again.</param>
internal sealed record WriteAheadLogLimits(int RestartAtFrames, int MostUncopiedForRestart, int MostCopiesBeforeRestart)
{
    /// <summary>About 160 MB of 4 KB pages, two seconds of heavy load; 500 pages take a few milliseconds to copy and sync.</summary>
    public static readonly WriteAheadLogLimits Default = new(40_000, 500, 6);
}

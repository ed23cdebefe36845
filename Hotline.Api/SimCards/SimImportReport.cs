namespace Hotline.Api.SimCards;

public sealed record RejectedRow(int Line, string Reason);

/// <summary>
/// The outcome of one import. <see cref="Refused"/> names why the whole file was refused (wrong header,
/// not UTF-8): then nothing was written. Otherwise the good rows were written together and each bad row
/// is listed with its line number and reason.
/// </summary>
public sealed record SimImportReport(int Imported, IReadOnlyList<RejectedRow> Rejected, string? Refused)
{
    public static SimImportReport RefusedWhole(string reason) => new(0, [], reason);
}

namespace Hotline.Api.CaseStore;

/// <summary>A conversation's open case as the intake engine sees it: which one, and whether a caseworker has written on it.</summary>
public sealed record OpenCase
{
    public Guid Id { get; init; }

    public bool CaseworkerHasWritten { get; init; }
}

namespace Hotline.Api.Media;

/// <summary>What a download gave: the bytes, or why not and whether another attempt could succeed.</summary>
public abstract record MediaDownload
{
    /// <summary>The file, in pooled memory (<see cref="MediaBuffers"/>) positioned at its start; disposing it returns the memory.</summary>
    public sealed record Fetched(Stream Body) : MediaDownload, IDisposable
    {
        public void Dispose() => Body.Dispose();
    }

    /// <summary><paramref name="Retry"/>: a failure that can pass (the network, a timeout, a provider's 5xx), not one that cannot (type, size, a refused link).</summary>
    public sealed record Failed(string Reason, bool Retry) : MediaDownload;
}

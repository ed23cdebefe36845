using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace Hotline.Benchmarks;

/// <summary>When the first and the last console heard of one case-event sequence, and how many did.</summary>
internal sealed class CaseDelivery
{
    private long _first = long.MaxValue;
    private long _last = long.MinValue;
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Stopwatch timestamp of the first console's receipt.</summary>
    public long First => Volatile.Read(ref _first);

    /// <summary>Stopwatch timestamp of the last console's receipt.</summary>
    public long Last => Volatile.Read(ref _last);

    public void Record(long timestamp)
    {
        Interlocked.Increment(ref _count);
        for (var seen = Volatile.Read(ref _first); timestamp < seen;)
        {
            var was = Interlocked.CompareExchange(ref _first, timestamp, seen);
            if (was == seen)
            {
                break;
            }

            seen = was;
        }

        for (var seen = Volatile.Read(ref _last); timestamp > seen;)
        {
            var was = Interlocked.CompareExchange(ref _last, timestamp, seen);
            if (was == seen)
            {
                break;
            }

            seen = was;
        }
    }
}

/// <summary>
/// Many console connections to /hubs/cases in this process, each a WebSocket speaking SignalR's JSON hub
/// protocol directly (handshake, pings, records ended by 0x1E): what the browser's client does, without a
/// HubConnection's per-message argument binding and dispatch, so that 2,000 of them on the same two cores
/// as the server measure the server's fan-out rather than the clients' own cost. Each CaseQueued change of a
/// CasesChanged push is timed when its frame arrives and folded into one <see cref="CaseDelivery"/> per sequence number.
/// </summary>
internal sealed class ConsoleBenchmarkClients : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(10);

    private readonly List<Connection> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _pinger;
    private long _records;
    private long _bytes;
    private long _unparsedCasesChanged;
    private long _casesChanged;
    private long _caseQueued;

    public ConcurrentDictionary<long, CaseDelivery> Deliveries { get; } = new();

    public int Connected => _connections.Count(c => c.Open);

    public int Failed { get; private set; }

    public string? FirstFailure { get; private set; }

    /// <summary>Every hub record received (pushes of any kind, pings, completions).</summary>
    public long Records => Interlocked.Read(ref _records);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long UnparsedCasesChanged => Interlocked.Read(ref _unparsedCasesChanged);

    /// <summary>CasesChanged pushes received, all consoles together.</summary>
    public long CasesChangedReceived => Interlocked.Read(ref _casesChanged);

    /// <summary>CaseQueued changes received (each push may carry many), all consoles together.</summary>
    public long CaseQueuedReceived => Interlocked.Read(ref _caseQueued);

    /// <summary>Connections that closed or failed after their handshake; a closed console misses every later push.</summary>
    public int Dropped => _connections.Count(c => !c.Open);

    public string? FirstDrop => _connections.Select(c => c.Error).FirstOrDefault(e => e is not null);

    /// <summary>Opens <paramref name="count"/> connections, the i-th with cookies[i % cookies.Count], a few at a time.</summary>
    public async Task ConnectAsync(Uri baseAddress, IReadOnlyList<string> cookies, int count, int parallel)
    {
        if (!IPAddress.TryParse(baseAddress.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The consoles connect to loopback addresses only, not {baseAddress.Host}.", nameof(baseAddress));
        }

        var hub = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/hubs/cases" }.Uri;
        var next = -1;
        var opened = new ConcurrentBag<Connection>();
        var failures = new ConcurrentQueue<string>();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    opened.Add(await Connection.OpenAsync(this, hub, cookies[index % cookies.Count], _stop.Token));
                }
                catch (Exception ex) when (ex is WebSocketException or InvalidOperationException or OperationCanceledException)
                {
                    failures.Enqueue(ex.Message);
                }
            }
        })));
        _connections.AddRange(opened);
        Failed = failures.Count;
        FirstFailure = failures.TryPeek(out var first) ? first : null;
        foreach (var connection in _connections)
        {
            connection.StartReceiving();
        }

        // The server drops a connection that has sent nothing for 30 s (its client timeout).
        _pinger = Task.Run(async () =>
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    await Task.Delay(PingEvery, _stop.Token);
                    foreach (var connection in _connections)
                    {
                        await connection.PingAsync(_stop.Token);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_pinger is not null)
        {
            await _pinger;
        }

        await Task.WhenAll(_connections.Select(c => c.CloseAsync()));
        _stop.Dispose();
    }

    private void OnReceived(ReadOnlySpan<byte> records, long timestamp)
    {
        Interlocked.Add(ref _bytes, records.Length);
        while (records.Length > 0)
        {
            var end = records.IndexOf(RecordSeparator);
            var record = end < 0 ? records : records[..end];
            records = end < 0 ? [] : records[(end + 1)..];
            Interlocked.Increment(ref _records);
            if (record.IndexOf("\"target\":\"CasesChanged\""u8) >= 0)
            {
                Interlocked.Increment(ref _casesChanged);
                RecordCaseQueued(record, timestamp);
            }
        }
    }

    /// <summary>
    /// Records each CaseQueued change of a CasesChanged invocation, whose changes are positional arrays
    /// (Casework/CaseChangeJson.cs): {"type":1,"target":"CasesChanged","arguments":[[[N,"CaseQueued","id",...],...]]}.
    /// A byte scan, since every console reads every push: a change is the only array that opens with a number
    /// followed by a string, and a quote inside a string value is escaped, so the pattern cannot come from the case's text.
    /// </summary>
    private void RecordCaseQueued(ReadOnlySpan<byte> record, long timestamp)
    {
        ReadOnlySpan<byte> typed = ",\""u8;
        ReadOnlySpan<byte> queued = ",\"CaseQueued\""u8;
        var changes = 0;
        for (var at = record.IndexOf((byte)'['); at >= 0; at = record.IndexOf((byte)'['))
        {
            record = record[(at + 1)..];
            long sequence = 0;
            var length = 0;
            while (length < record.Length && record[length] is >= (byte)'0' and <= (byte)'9')
            {
                sequence = (sequence * 10) + (record[length] - '0');
                length++;
            }

            if (length == 0 || !record[length..].StartsWith(typed))
            {
                continue;
            }

            changes++;
            if (record[length..].StartsWith(queued))
            {
                Interlocked.Increment(ref _caseQueued);
                Deliveries.GetOrAdd(sequence, static _ => new CaseDelivery()).Record(timestamp);
            }
        }

        // The server never pushes an empty list: a push with no change read is one this scan does not understand.
        if (changes == 0)
        {
            Interlocked.Increment(ref _unparsedCasesChanged);
        }
    }

    private sealed class Connection
    {
        private readonly ConsoleBenchmarkClients _owner;
        private readonly ClientWebSocket _socket;
        private readonly SemaphoreSlim _sending = new(1, 1);
        private byte[] _buffer = new byte[16 * 1024];
        private Task? _receiving;

        private Connection(ConsoleBenchmarkClients owner, ClientWebSocket socket)
        {
            _owner = owner;
            _socket = socket;
        }

        public bool Open => _socket.State == WebSocketState.Open && Error is null;

        public string? Error { get; private set; }

        public static async Task<Connection> OpenAsync(ConsoleBenchmarkClients owner, Uri hub, string cookie, CancellationToken cancellationToken)
        {
            var socket = new ClientWebSocket();
            // Cookie auth as the console has it; no Origin header, as a non-browser client sends none.
            socket.Options.SetRequestHeader("Cookie", cookie);
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                await socket.ConnectAsync(hub, timeout.Token);
                await socket.SendAsync(Handshake, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
                var connection = new Connection(owner, socket);
                // The handshake answer is "{}" (or {"error":...}) and a record separator, alone in its message.
                var answer = await connection.ReceiveRecordAsync(timeout.Token);
                if (answer != "{}")
                {
                    throw new InvalidOperationException($"The hub refused the handshake: {answer}");
                }

                return connection;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        public void StartReceiving() => _receiving = Task.Run(ReceiveLoopAsync);

        public async Task PingAsync(CancellationToken cancellationToken)
        {
            if (!Open)
            {
                return;
            }

            await _sending.WaitAsync(cancellationToken);
            try
            {
                await _socket.SendAsync(Ping, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            catch (WebSocketException ex)
            {
                Error ??= ex.Message;
            }
            finally
            {
                _sending.Release();
            }
        }

        public async Task CloseAsync()
        {
            try
            {
                if (_socket.State == WebSocketState.Open)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The benchmark is over; the server's side goes with its process.
            }

            _socket.Abort();
            if (_receiving is not null)
            {
                await _receiving;
            }

            _socket.Dispose();
        }

        private async Task<string> ReceiveRecordAsync(CancellationToken cancellationToken)
        {
            var filled = 0;
            while (true)
            {
                var result = await _socket.ReceiveAsync(_buffer.AsMemory(filled), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException($"The hub closed the connection: {_socket.CloseStatusDescription}");
                }

                filled += result.Count;
                var end = Array.IndexOf(_buffer, (byte)0x1e, 0, filled);
                if (end >= 0)
                {
                    return Encoding.UTF8.GetString(_buffer, 0, end);
                }
            }
        }

        private async Task ReceiveLoopAsync()
        {
            // Bytes of a record not yet ended by its separator wait at the front of the buffer for the rest.
            var filled = 0;
            try
            {
                while (true)
                {
                    if (filled == _buffer.Length)
                    {
                        Array.Resize(ref _buffer, _buffer.Length * 2);
                    }

                    var result = await _socket.ReceiveAsync(_buffer.AsMemory(filled), CancellationToken.None);
                    var timestamp = Stopwatch.GetTimestamp();
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        Error ??= $"closed by the hub ({_socket.CloseStatus}: {_socket.CloseStatusDescription})";
                        return;
                    }

                    if (result.Count == 0)
                    {
                        continue;
                    }

                    filled += result.Count;
                    var complete = Array.LastIndexOf(_buffer, RecordSeparator, filled - 1, result.Count) + 1;
                    if (complete > 0)
                    {
                        _owner.OnReceived(_buffer.AsSpan(0, complete), timestamp);
                        _buffer.AsSpan(complete, filled - complete).CopyTo(_buffer);
                        filled -= complete;
                    }
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                Error ??= ex.Message;
            }
        }
    }
}

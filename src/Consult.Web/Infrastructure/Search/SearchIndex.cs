using System.Data.Common;
using System.Diagnostics;
using Consult.Web.Infrastructure.Data;
using Dapper;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Consult.Web.Infrastructure.Search;

/// <summary>
/// This node's Lucene index of regulations and legal documents: derived from the database, never the record.
/// Every write that changes what search shows advances <c>registry_state.change_seq</c> and stamps its rows with
/// it; <see cref="CatchUp"/> indexes the rows stamped after the last sequence it saw and makes them searchable
/// (near-real-time, without a commit). Commits carry the sequence they contain, so after a crash the index
/// resumes from its last commit; a missing or unreadable index, or a rebuild requested by <c>reindex</c>
/// (<c>registry_state.index_generation</c>), is rebuilt from the database.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string SeqKey = "change_seq";
    private const string GenerationKey = "index_generation";
    private const int Batch = 256;

    public static readonly Similarity Similarity = new BM25Similarity();

    private readonly StorageProvider _storage;
    private readonly SearchOptions _options;
    // Index housekeeping runs on real time, whatever clock the business rules are given.
    private static readonly TimeProvider Clock = TimeProvider.System;
    private readonly ILogger<SearchIndex> _log;
    private readonly System.Threading.Lock _catchUp = new();
    private readonly FileStream _owner;
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private long _indexedSeq;
    private long _generation;
    private long _committedSeq;
    private long _lastCommit;
    private bool _disposed;

    public SearchIndex(StorageProvider database, IOptions<StorageOptions> storage, IOptions<SearchOptions> options, ILogger<SearchIndex> log)
    {
        _storage = database;
        _options = options.Value;
        _log = log;
        Path = System.IO.Path.Combine(System.IO.Path.GetFullPath(storage.Value.DataDirectory), _options.IndexDirectory);
        _owner = OwnWaitingForOthers(Path);
        _directory = FSDirectory.Open(new DirectoryInfo(Path));
        try
        {
            // Whoever held Lucene's lock let go of it before the owner's lock (Dispose), so there is nothing to wait for.
            _writer = OpenWriter(OpenMode.CREATE_OR_APPEND);
            var data = _writer.CommitData;
            _indexedSeq = data.TryGetValue(SeqKey, out var seq) ? long.Parse(seq) : -1;
            _generation = data.TryGetValue(GenerationKey, out var generation) ? long.Parse(generation) : -1;
        }
        catch (LockObtainFailedException)
        {
            _directory.Dispose();
            _owner.Dispose();
            throw new IndexInUseException(Path);
        }
        catch (Exception e) when (e is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or IOException or FormatException)
        {
            _log.LogWarning(e, "Search index at {Path} is unreadable; rebuilding it from the database.", Path);
            // Even a new writer reads the old commit points, so the unreadable files go first.
            foreach (var file in _directory.ListAll())
            {
                _directory.DeleteFile(file);
            }
            _writer = OpenWriter(OpenMode.CREATE);
            _indexedSeq = -1;
            _generation = -1;
        }
        _committedSeq = _indexedSeq;
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new SimilaritySearcherFactory());
    }

    public string Path { get; }

    /// <summary>The change sequence searches reflect.</summary>
    public long IndexedSeq => Volatile.Read(ref _indexedSeq);

    public IndexSearcher Acquire() => _searchers.Acquire();

    public void Release(IndexSearcher searcher) => _searchers.Release(searcher);

    /// <summary>Indexes what changed since the last call and makes it searchable; rebuilds first when asked to.</summary>
    /// <returns>How many regulations and documents were (re)indexed.</returns>
    public int CatchUp()
    {
        lock (_catchUp)
        {
            if (_disposed)
            {
                return 0;
            }
            using var connection = _storage.Open();
            // One snapshot: the sequence and the rows stamped up to it. Sequences commit in order (ChangeSequence), so
            // every row up to the sequence read here is in it.
            using var transaction = _storage.BeginSnapshot(connection);
            var state = connection.QuerySingle<(long Seq, long Generation)>(
                "select change_seq, index_generation from registry_state", transaction: transaction);
            var rebuilding = state.Generation != _generation;
            if (rebuilding)
            {
                _log.LogInformation("Rebuilding the search index at {Path} from the database.", Path);
                _writer.DeleteAll();
                _indexedSeq = -1;
                _generation = state.Generation;
            }
            if (state.Seq == _indexedSeq && !rebuilding)
            {
                CommitIfDue(force: false);
                return 0;
            }
            var count = Apply(connection, transaction, _indexedSeq, state.Seq, rebuilding);
            Volatile.Write(ref _indexedSeq, state.Seq);
            _searchers.MaybeRefreshBlocking();
            CommitIfDue(force: rebuilding);
            return count;
        }
    }

    /// <summary>Drops the index and builds it again from the database.</summary>
    public (int Count, TimeSpan Elapsed) Rebuild()
    {
        var watch = Stopwatch.StartNew();
        lock (_catchUp)
        {
            _generation = -1;
            return (CatchUp(), watch.Elapsed);
        }
    }

    /// <summary>Makes everything indexed so far durable.</summary>
    public void Commit()
    {
        lock (_catchUp)
        {
            if (!_disposed)
            {
                CommitIfDue(force: true);
            }
        }
    }

    private int Apply(DbConnection connection, DbTransaction transaction, long after, long upTo, bool fresh)
    {
        var range = new { after, upTo, newline = "\n" };
        var regulations = connection.Query<IndexFields.RegulationText>(
            $"""
            select r.id, r.code, r.title, r.content, {ExtraTextSql} extra,
                (select string_agg(d.number, @newline) from regulation_basis b join legal_document d on d.id = b.legal_document_id
                 where b.regulation_id = r.id) documents
            from regulation r where r.change_seq > @after and r.change_seq <= @upTo order by r.id
            """, range, transaction, buffered: false);
        // Analysis and indexing take most of the time: the rows are read here while every core indexes.
        var count = 0;
        var pending = new System.Collections.Concurrent.BlockingCollection<IndexFields.RegulationText>(Batch);
        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(() =>
        {
            foreach (var regulation in pending.GetConsumingEnumerable())
            {
                var document = IndexFields.For(regulation);
                if (fresh)
                {
                    _writer.AddDocument(document);
                }
                else
                {
                    _writer.UpdateDocument(IndexFields.KeyOf(regulation), document);
                }
            }
        })).ToArray();
        try
        {
            foreach (var regulation in regulations)
            {
                pending.Add(regulation);
                count++;
            }
        }
        finally
        {
            pending.CompleteAdding();
            Task.WaitAll(workers);
        }
        foreach (var legal in connection.Query<IndexFields.DocumentText>(
            "select id, number, doc_type, title from legal_document where change_seq > @after and change_seq <= @upTo",
            range, transaction, buffered: false))
        {
            _writer.UpdateDocument(IndexFields.KeyOf(legal), IndexFields.For(legal));
            count++;
        }
        return count;
    }

    /// <summary>Searchable text a regulation has beyond its title and content: kind-specific fields, products, sectors.</summary>
    private const string ExtraTextSql = """
        concat_ws(' ', r.processing_time, r.fees, r.implementing_body, r.dossier, r.result,
                  r.report_frequency, r.report_recipient, r.business_line,
                  (select string_agg(p.hs_code || ' ' || p.name, ' ') from regulation_product p where p.regulation_id = r.id),
                  (select string_agg(s.name, ' ') from regulation_sector rs join sector s on s.id = rs.sector_id where rs.regulation_id = r.id))
        """;

    private void CommitIfDue(bool force)
    {
        var now = Clock.GetTimestamp();
        if (_indexedSeq == _committedSeq && !force)
        {
            return;
        }
        if (!force && Clock.GetElapsedTime(_lastCommit, now) < _options.CommitEvery)
        {
            return;
        }
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [SeqKey] = _indexedSeq.ToString(),
            [GenerationKey] = _generation.ToString(),
        });
        _writer.Commit();
        _committedSeq = _indexedSeq;
        _lastCommit = now;
    }

    /// <summary>
    /// Makes this process the index's only user for as long as it is open. Lucene's write lock keeps out other writers
    /// in this process but, on Linux, not another process: a second portal on the same folder, or the <c>reindex</c>
    /// command beside a running portal, would write into the same files. A file opened with FileShare.None is locked
    /// for the process (an exclusive flock) until it is closed or the process ends, however it ends. The file sits beside
    /// the index folder, where nothing that empties the folder can remove it.
    /// </summary>
    private static FileStream OwnWaitingForOthers(string path)
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 50)
            {
                // A portal restarting, in this process or another, may hold it for a moment more.
                Thread.Sleep(100);
            }
            catch (IOException)
            {
                throw new IndexInUseException(path);
            }
        }
    }

    private IndexWriter OpenWriter(OpenMode mode)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new VietnameseAnalyzer())
        {
            OpenMode = mode,
            Similarity = Similarity,
            RAMBufferSizeMB = 128,
        };
        return new IndexWriter(_directory, config);
    }

    public void Dispose()
    {
        lock (_catchUp)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            // The lock must be released whatever happens to the last commit, or this process keeps the index.
            try
            {
                CommitIfDue(force: true);
            }
            finally
            {
                _searchers.Dispose();
                _writer.Dispose();
                _directory.Dispose();
                _owner.Dispose();
                _log.LogInformation("Search index {Path} closed at change {Seq}.", Path, _indexedSeq);
            }
        }
    }

    private sealed class SimilaritySearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Similarity };
    }
}

/// <summary>Another process (a second portal on the same data folder) holds this index.</summary>
public sealed class IndexInUseException(string path)
    : Exception($"Chỉ mục tìm kiếm {path} đang được một tiến trình khác dùng: mỗi máy chủ cần thư mục dữ liệu (hoặc Search:IndexDirectory) riêng.");

using System;
using System.Collections.Generic;
using System.Linq;
using AtomicWrite.TestChild;
using AtomicWrite.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace AtomicWrite.Tests.CrashStates
{
    /// <summary>
    /// Every crash state a power cut can leave during each workload, under the journaled and the weak model, loaded
    /// back with the recovery loader. AtomicFile at Durability.Full must show none of the violations; the relaxed
    /// levels only those their documentation admits; each hand-rolled save the violations of its flaw.
    /// </summary>
    [Collection(ProcessWide.Name)] // the loader counts recoveries and saves in process-wide metrics
    public sealed class CrashStateTests : IClassFixture<CrashExplorer>
    {
        private static readonly string[] FileOnlyGivesUp = { "undone", "backup" };
        private static readonly string[] NoneGivesUp = { "undone", "backup", "empty", "zeros", "torn", "resurrected" };

        private readonly CrashExplorer _explorer;
        private readonly ITestOutputHelper _output;

        public CrashStateTests(CrashExplorer explorer, ITestOutputHelper output)
        {
            _explorer = explorer;
            _output = output;
        }

        public static TheoryData<string> AtomicFileWorkloads()
        {
            var data = new TheoryData<string>();
            foreach (var workload in CrashWorkload.All.Where(w => w.Method == "AtomicFile"))
            {
                data.Add(workload.Id);
            }

            return data;
        }

        public static TheoryData<string, string> BrokenSaves => new()
        {
            // workload, the violations it must show (at least one of them, in at least one model)
            { "broken-in-place/-", "torn empty" },
            { "broken-move-unflushed/-", "empty zeros" },
            { "broken-move-no-directory-sync/-", "undone" },
            { "broken-unsynced-backup/-", "backup" },
        };

        [Fact]
        public void Strace_is_there_and_every_workload_was_explored()
        {
            Assert.True(_explorer.Problem is null, _explorer.Problem);
            _output.WriteLine(_explorer.Report());
            Assert.Equal(CrashWorkload.All.Count * 2, _explorer.Results.Count);
            Assert.All(_explorer.Results, r => Assert.True(r.Space.States.Count > 1, r.Line()));
        }

        [Theory]
        [MemberData(nameof(AtomicFileWorkloads))]
        public void AtomicFile_shows_only_what_its_durability_level_gives_up(string id)
        {
            Assert.True(_explorer.Problem is null, _explorer.Problem);
            foreach (var result in _explorer.Results.Where(r => r.Workload.Id == id))
            {
                _output.WriteLine(result.Line());
                foreach (var violation in result.Violations)
                {
                    _output.WriteLine("    " + violation.Key + ": " + violation.Value.Example);
                }

                var allowed = Allowed(result.Workload, result.Model);
                var unexpected = result.Violations.Keys.Where(k => !allowed.Contains(k)).ToList();
                Assert.True(unexpected.Count == 0, result.Model + ": " + string.Join("; ", unexpected.Select(k => k + ": " + result.Violations[k].Example)));
            }
        }

        [Fact]
        public void A_new_directory_the_caller_does_not_sync_loses_the_first_save_in_the_weak_model_only()
        {
            Assert.True(_explorer.Problem is null, _explorer.Problem);
            var results = _explorer.Results.Where(r => r.Workload.Name == "first-save-in-new-directory-unsynced").ToDictionary(r => r.Model);
            Assert.Empty(results[PersistenceModel.Journaled].Violations);
            Assert.Equal(new[] { "undone" }, results[PersistenceModel.Weak].Violations.Keys.ToArray());
        }

        [Theory]
        [MemberData(nameof(BrokenSaves))]
        public void The_explorer_catches_a_broken_save(string id, string kinds)
        {
            Assert.True(_explorer.Problem is null, _explorer.Problem);
            var found = new List<string>();
            foreach (var result in _explorer.Results.Where(r => r.Workload.Id == id))
            {
                _output.WriteLine(result.Line());
                foreach (var violation in result.Violations)
                {
                    _output.WriteLine("    " + violation.Key + ": " + violation.Value.Example);
                }

                found.AddRange(result.Violations.Keys);
            }

            Assert.Contains(found, k => kinds.Split(' ').Contains(k));
        }

        private static ISet<string> Allowed(CrashWorkload workload, PersistenceModel model) => workload.Durability switch
        {
            "FileOnly" => new HashSet<string>(FileOnlyGivesUp),
            "None" => new HashSet<string>(NoneGivesUp),
            _ when workload.Name == "first-save-in-new-directory-unsynced" && model == PersistenceModel.Weak => new HashSet<string> { "undone" },
            _ => new HashSet<string>(),
        };
    }
}

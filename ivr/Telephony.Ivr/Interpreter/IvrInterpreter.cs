using Telephony.Calls.Control;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Interpreter;

/// <summary>
/// Runs a published menu tree on a call. One instance serves every call: the state of a call lives in its session,
/// which the <see cref="IvrOutcome"/> of a queued call carries so the host can resume the menu after the agent
/// (survey) or when the queue's maximum wait runs out (overflow). The interpreter keeps no timer of its own: every
/// wait is a call operation with the node's timeouts, and the clock is <paramref name="time"/>.
/// </summary>
public sealed class IvrInterpreter(IPromptLibrary prompts, IVoicemailSink voicemail, ICallBackend dialer, TimeProvider time)
{
    private readonly IvrServices _services = new(
        prompts ?? throw new ArgumentNullException(nameof(prompts)),
        voicemail ?? throw new ArgumentNullException(nameof(voicemail)),
        dialer ?? throw new ArgumentNullException(nameof(dialer)),
        time ?? throw new ArgumentNullException(nameof(time)));

    /// <summary>
    /// Runs <paramref name="tree"/> (published as <paramref name="treeVersion"/>) from its start node on
    /// <paramref name="call"/>, answering the call first if it is still offered, until the call leaves the menu.
    /// The call keeps this tree for its whole life, including a resume; nothing is reloaded.
    /// </summary>
    public Task<IvrOutcome> RunAsync(ICall call, MenuTree tree, int treeVersion, IvrCallContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(context);
        var session = new IvrSession(_services, call, tree, treeVersion, context);
        return session.StartAsync(cancellationToken);
    }

    /// <summary>
    /// The agent ended the conversation and the caller is still on the line (unbridged): runs the queue node's
    /// <c>afterAgent</c> node (e.g. the survey), or hangs up when it has none.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="queued"/> is not the outcome of a call handed to a queue.</exception>
    /// <exception cref="InvalidOperationException">The menu was already resumed for this outcome.</exception>
    public Task<IvrOutcome> ResumeAfterAgentAsync(IvrOutcome queued, CancellationToken cancellationToken)
    {
        var (session, handoff) = Resumable(queued);
        return session.ResumeAsync(handoff.AfterAgentNode, cancellationToken);
    }

    /// <summary>The caller waited the queue's maximum wait: takes them back out of the queue to its <c>overflow</c> node (e.g. a callback offer).</summary>
    /// <exception cref="ArgumentException"><paramref name="queued"/> is not the outcome of a call handed to a queue.</exception>
    /// <exception cref="InvalidOperationException">The menu was already resumed for this outcome.</exception>
    public Task<IvrOutcome> ResumeAtOverflowAsync(IvrOutcome queued, CancellationToken cancellationToken)
    {
        var (session, handoff) = Resumable(queued);
        return session.ResumeAsync(handoff.OverflowNode, cancellationToken);
    }

    private (IvrSession Session, QueueHandoff Handoff) Resumable(IvrOutcome queued)
    {
        ArgumentNullException.ThrowIfNull(queued);
        if (queued.Exit != IvrExit.HandedToQueue || queued.Session is null || queued.Queue is null)
        {
            throw new ArgumentException("Only the outcome of a call handed to a queue can resume the menu.", nameof(queued));
        }

        if (!ReferenceEquals(queued.Session.Services, _services))
        {
            throw new ArgumentException("The call was started by another interpreter; resume it there, with the same prompts and ports.", nameof(queued));
        }

        return (queued.Session, queued.Queue);
    }
}

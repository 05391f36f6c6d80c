using System.Collections.ObjectModel;
using System.Text.Json.Serialization;

namespace Telephony.Ivr.Model;

/// <summary>
/// One step of a menu tree. The JSON property "kind" says which step it is; the rest of the fields are common:
/// the prompt per language, how long to wait for input, how often to re-ask, and where to go when retries run out.
/// </summary>
/// <remarks>
/// Properties with a default value have setters rather than init accessors throughout the model: the JSON source
/// generator passes every init property to the object initializer, which would replace an absent value's default with
/// zero or null.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(LanguageChoiceNode), "languageChoice")]
[JsonDerivedType(typeof(MenuNode), "menu")]
[JsonDerivedType(typeof(PlayMessageNode), "playMessage")]
[JsonDerivedType(typeof(CollectDigitsNode), "collectDigits")]
[JsonDerivedType(typeof(SayNode), "say")]
[JsonDerivedType(typeof(HoursBranchNode), "hoursBranch")]
[JsonDerivedType(typeof(QueueNode), "queue")]
[JsonDerivedType(typeof(VoicemailNode), "voicemail")]
[JsonDerivedType(typeof(CallbackRequestNode), "callbackRequest")]
[JsonDerivedType(typeof(SurveyNode), "survey")]
[JsonDerivedType(typeof(TransferNode), "transfer")]
[JsonDerivedType(typeof(HangupNode), "hangup")]
[JsonDerivedType(typeof(GoToNode), "goTo")]
public abstract record IvrNode
{
    public const int DefaultTimeoutSeconds = 5;
    public const int DefaultRetries = 3;

    /// <summary>Human label for the admin pages; never spoken.</summary>
    public string? Title { get; init; }

    /// <summary>The prompt per language. Nodes that say nothing (goTo, hoursBranch) leave it empty.</summary>
    public IReadOnlyDictionary<Language, PromptContent> Prompt { get; set; } = ReadOnlyDictionary<Language, PromptContent>.Empty;

    /// <summary>Seconds to wait for the first digit after the prompt ends.</summary>
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>How many times the node re-asks after invalid input or silence before giving up.</summary>
    public int Retries { get; set; } = DefaultRetries;

    /// <summary>Played after an invalid key, before the prompt is repeated.</summary>
    public IReadOnlyDictionary<Language, PromptContent>? InvalidPrompt { get; init; }

    /// <summary>Played after silence, before the prompt is repeated.</summary>
    public IReadOnlyDictionary<Language, PromptContent>? TimeoutPrompt { get; init; }

    /// <summary>Node to go to when the retries are used up; absent means the call ends politely.</summary>
    public string? OnRetriesExhausted { get; init; }

    /// <summary>The JSON "kind" of this node.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>True when the node stops and waits for the caller's DTMF; a cycle without such a node never ends.</summary>
    [JsonIgnore]
    public abstract bool WaitsForInput { get; }

    /// <summary>True when the node must have a prompt in every enabled language.</summary>
    [JsonIgnore]
    public virtual bool RequiresPrompt => true;

    /// <summary>Every node this one can lead to, including the retries-exhausted target.</summary>
    public IEnumerable<NodeLink> Links()
    {
        foreach (var link in OwnLinks())
        {
            yield return link;
        }

        if (OnRetriesExhausted is not null)
        {
            yield return new NodeLink("onRetriesExhausted", OnRetriesExhausted);
        }
    }

    /// <summary>Every extra localized prompt the node owns besides <see cref="Prompt"/>, with its JSON name.</summary>
    public virtual IEnumerable<KeyValuePair<string, IReadOnlyDictionary<Language, PromptContent>>> ExtraPrompts()
    {
        if (InvalidPrompt is not null)
        {
            yield return new("invalidPrompt", InvalidPrompt);
        }

        if (TimeoutPrompt is not null)
        {
            yield return new("timeoutPrompt", TimeoutPrompt);
        }
    }

    /// <summary>The links specific to the node kind.</summary>
    protected abstract IEnumerable<NodeLink> OwnLinks();
}

using Telephony.Calls.Media;
using Telephony.Ivr.Interpreter.Prompts;
using Telephony.Ivr.Model;

namespace Telephony.Host.Calls;

/// <summary>
/// What a waiting caller hears about the callback key, in their language. The texts are rendered with the spoken
/// vocabulary at start (<see cref="All"/>), so playing them never waits for speech synthesis.
/// </summary>
internal static class QueueCallbackWording
{
    public const string OfferNode = "queue-callback-offer";
    public const string ConfirmedNode = "queue-callback-confirmed";
    public const string NotPossibleNode = "queue-callback-not-possible";

    /// <summary>Every text in <paramref name="language"/> for a key of <paramref name="key"/>, for rendering ahead of calls.</summary>
    public static IEnumerable<string> All(Language language, string key) =>
        [Offer(language, key), Confirmed(language), NotPossible(language)];

    public static IReadOnlyList<AudioSource> Offer(IPromptLibrary prompts, Language language, string key) =>
        Play(prompts, OfferNode, Offer(language, key), language);

    public static IReadOnlyList<AudioSource> Confirmed(IPromptLibrary prompts, Language language) =>
        Play(prompts, ConfirmedNode, Confirmed(language), language);

    public static IReadOnlyList<AudioSource> NotPossible(IPromptLibrary prompts, Language language) =>
        Play(prompts, NotPossibleNode, NotPossible(language), language);

    private static IReadOnlyList<AudioSource> Play(IPromptLibrary prompts, string node, string text, Language language) =>
        prompts.Prompt(new PromptKey("queue", 0, node, PromptSlot.Main), new PromptContent { Text = text }, language);

    private static string Offer(Language language, string key) => language switch
    {
        Language.Az => $"Növbədəki yerinizi itirmədən geri zəng sifariş etmək üçün {key} düyməsini basın.",
        Language.Ru => $"Чтобы мы перезвонили вам, не теряя вашего места в очереди, нажмите {key}.",
        _ => $"To be called back without losing your place in the queue, press {key}.",
    };

    private static string Confirmed(Language language) => language switch
    {
        Language.Az => "Sorğunuz qəbul edildi. Növbəniz çatanda operator sizə zəng edəcək. Sağ olun.",
        Language.Ru => "Ваш запрос принят. Когда подойдёт ваша очередь, оператор вам перезвонит. Спасибо.",
        _ => "Your request is accepted. An agent will call you back when your turn comes. Thank you.",
    };

    private static string NotPossible(Language language) => language switch
    {
        Language.Az => "Təəssüf ki, bu nömrəyə geri zəng etmək mümkün deyil. Xahiş edirik, xətdə qalın.",
        Language.Ru => "К сожалению, перезвонить на этот номер невозможно. Пожалуйста, оставайтесь на линии.",
        _ => "Sorry, we cannot call this number back. Please stay on the line.",
    };
}

using Telephony.Ivr.Model;

namespace Telephony.Ivr.Validation;

public sealed partial class MenuTreeValidator
{
    /// <summary>
    /// Finds cycles made only of nodes that never wait for DTMF (Tarjan's strongly connected components over the
    /// graph of such nodes). A cycle that passes through a menu, language choice, digit collection, survey or callback
    /// request is fine: the caller's keys, or their silence running out the retries, move the call on.
    /// </summary>
    private static void CheckLoopsWithoutInput(MenuTree tree, List<ValidationFault> faults)
    {
        var passive = tree.Nodes.Where(n => !n.Value.WaitsForInput).Select(n => n.Key).Order(StringComparer.Ordinal).ToList();
        var successors = passive.ToDictionary(
            id => id,
            id => tree.Nodes[id].Links().Select(l => l.Target)
                .Where(t => tree.Nodes.TryGetValue(t, out var target) && !target.WaitsForInput)
                .Distinct(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);

        foreach (var component in new Tarjan(successors).Components(passive))
        {
            var isCycle = component.Count > 1 || successors[component[0]].Contains(component[0]);
            if (isCycle)
            {
                faults.Add(new ValidationFault(FaultKind.LoopWithoutInput, component[0], null,
                    $"Nodes {string.Join(", ", component.Select(id => $"'{id}'"))} form a loop in which no node waits for the caller's keys."));
            }
        }
    }

    /// <summary>Recursive Tarjan; the depth is bounded by the number of passive nodes, which is small in a menu tree.</summary>
    private sealed class Tarjan(Dictionary<string, List<string>> successors)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _lowLink = new(StringComparer.Ordinal);
        private readonly Stack<string> _stack = new();
        private readonly HashSet<string> _onStack = new(StringComparer.Ordinal);
        private readonly List<List<string>> _components = [];

        public List<List<string>> Components(IEnumerable<string> nodes)
        {
            foreach (var node in nodes)
            {
                if (!_index.ContainsKey(node))
                {
                    Visit(node);
                }
            }

            return _components;
        }

        private void Visit(string node)
        {
            _index[node] = _lowLink[node] = _index.Count;
            _stack.Push(node);
            _onStack.Add(node);
            foreach (var next in successors[node])
            {
                if (!_index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    _lowLink[node] = Math.Min(_lowLink[node], _lowLink[next]);
                }
                else if (_onStack.Contains(next))
                {
                    _lowLink[node] = Math.Min(_lowLink[node], nextIndex);
                }
            }

            if (_lowLink[node] == _index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = _stack.Pop();
                    _onStack.Remove(member);
                    component.Add(member);
                }
                while (!string.Equals(member, node, StringComparison.Ordinal));

                component.Reverse();
                _components.Add(component);
            }
        }
    }
}

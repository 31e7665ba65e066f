package org.redcapjdbc.emulator.logic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The one implementation of {@link LogicExpression}: an immutable syntax tree. */
final class ParsedExpression implements LogicExpression {
  private final Node root;
  private final List<FieldReference> references;
  private final Set<String> fields;
  private final Set<String> events;

  ParsedExpression(Node root, List<Node.FieldRef> refs) {
    this.root = Objects.requireNonNull(root, "root");
    List<FieldReference> list = new ArrayList<>(refs.size());
    Set<String> fieldNames = new LinkedHashSet<>();
    Set<String> eventNames = new LinkedHashSet<>();
    for (Node.FieldRef ref : refs) {
      list.add(ref.toReference());
      fieldNames.add(ref.field());
      if (ref.event() != null) {
        eventNames.add(ref.event());
      }
    }
    this.references = List.copyOf(list);
    this.fields = Collections.unmodifiableSet(fieldNames);
    this.events = Collections.unmodifiableSet(eventNames);
  }

  Node root() {
    return root;
  }

  @Override
  public Set<String> referencedFields() {
    return fields;
  }

  @Override
  public Set<String> referencedEvents() {
    return events;
  }

  @Override
  public List<FieldReference> fieldReferences() {
    return references;
  }

  @Override
  public boolean test(LogicContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    return root.eval(ctx).truthy();
  }

  @Override
  public String evaluate(LogicContext ctx) {
    Objects.requireNonNull(ctx, "ctx");
    Double d = root.eval(ctx).asNumber();
    return d == null ? "" : Numbers.format(d);
  }

  /** Canonical logic text; parsing it gives an equal expression. */
  @Override
  public String toString() {
    return Node.print(root);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParsedExpression other && root.equals(other.root);
  }

  @Override
  public int hashCode() {
    return root.hashCode();
  }
}

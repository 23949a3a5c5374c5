package org.agrisafe.risk.commodity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commodity classification of GB 2763-2021 Annex A: category &gt; group &gt; (subgroup) &gt; commodity. Used to
 * find the most specific MRL and to apply a group MRL's "except" exclusions (docs/conventions.md
 * §4).
 *
 * <p>Immutable and serializable. Built from rows; no I/O.
 */
public final class CommodityHierarchy implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, CommodityNode> nodes;

  private CommodityHierarchy(Map<String, CommodityNode> nodes) {
    this.nodes = nodes;
  }

  /** An empty hierarchy: every commodity is on its own, only exact-code limits apply. */
  public static CommodityHierarchy empty() {
    return new CommodityHierarchy(Map.of());
  }

  /**
   * Builds the hierarchy from rows.
   *
   * @param rows one node per code, in any order
   * @return the hierarchy
   * @throws IllegalArgumentException if a code repeats, a parent is missing, a child's level is not deeper than its
   *     parent's (which also rules out cycles)
   */
  public static CommodityHierarchy of(Collection<CommodityNode> rows) {
    Map<String, CommodityNode> byCode = new LinkedHashMap<>();
    for (CommodityNode row : rows) {
      if (row == null) {
        throw new IllegalArgumentException("Cannot build CommodityHierarchy: a row is null");
      }
      CommodityNode previous = byCode.putIfAbsent(row.code(), row);
      if (previous != null) {
        throw new IllegalArgumentException(
            "Cannot build CommodityHierarchy: code '"
                + row.code()
                + "' appears twice ("
                + previous.nameZh()
                + ", "
                + row.nameZh()
                + ")");
      }
    }
    for (CommodityNode row : byCode.values()) {
      if (row.parentCode() == null) {
        continue;
      }
      CommodityNode parent = byCode.get(row.parentCode());
      if (parent == null) {
        throw new IllegalArgumentException(
            "Cannot build CommodityHierarchy: parent '"
                + row.parentCode()
                + "' of '"
                + row.code()
                + "' is not in the rows");
      }
      if (parent.level().ordinal() >= row.level().ordinal()) {
        throw new IllegalArgumentException(
            "Cannot build CommodityHierarchy: '"
                + row.code()
                + "' ("
                + row.level()
                + ") has parent '"
                + parent.code()
                + "' at level "
                + parent.level()
                + "; expected a parent at a more general level");
      }
    }
    return new CommodityHierarchy(Map.copyOf(byCode));
  }

  /** Whether the code is a node of this hierarchy. */
  public boolean contains(String code) {
    return code != null && nodes.containsKey(code);
  }

  /** The node with this code, if any. */
  public Optional<CommodityNode> node(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(nodes.get(code));
  }

  /** Number of nodes. */
  public int size() {
    return nodes.size();
  }

  /**
   * The ancestors of a node, most specific first (parent, grandparent, ..., category); the node itself excluded.
   *
   * @throws IllegalArgumentException if the code is not in the hierarchy
   */
  public List<CommodityNode> ancestorsOf(String code) {
    List<CommodityNode> path = selfAndAncestors(code);
    return path.subList(1, path.size());
  }

  /**
   * The node followed by its ancestors, most specific first.
   *
   * @throws IllegalArgumentException if the code is not in the hierarchy
   */
  public List<CommodityNode> selfAndAncestors(String code) {
    CommodityNode node = nodes.get(code);
    if (node == null) {
      throw new IllegalArgumentException(
          "Commodity code '" + code + "' is not in the commodity hierarchy");
    }
    List<CommodityNode> path = new ArrayList<>();
    while (node != null) {
      path.add(node);
      node = node.parentCode() == null ? null : nodes.get(node.parentCode());
    }
    return List.copyOf(path);
  }

  /**
   * Whether {@code code} is {@code ancestorCode} or lies below it. Unknown codes are only equal to themselves.
   */
  public boolean isSelfOrDescendant(String code, String ancestorCode) {
    if (code.equals(ancestorCode)) {
      return true;
    }
    if (!contains(code)) {
      return false;
    }
    for (CommodityNode a : ancestorsOf(code)) {
      if (a.code().equals(ancestorCode)) {
        return true;
      }
    }
    return false;
  }

  /** A display name for a code: the node's English (else Chinese) name, or the code itself if unknown. */
  public String displayName(String code) {
    CommodityNode n = nodes.get(code);
    return n == null ? code : n.displayName();
  }
}

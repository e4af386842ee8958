package org.onedoor.mda;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.onedoor.casework.OfficerRole;
import org.onedoor.catalogue.LocalizedName;
import org.onedoor.system.YamlFiles.InvalidFileException;

/**
 * An MDA's organogram ({@code connectors/<mda>/organogram.yaml}): its units, its positions, who reports to whom and who
 * holds each position. The review levels' groups follow from it (a holder of a {@code desk} position is a member of
 * {@code <mda>-desk}), and late work climbs it, position by position, up to the head of the MDA, the one position that
 * reports to no one. Without a file, an MDA's organogram is its three review levels, each reporting to the next.
 */
public record Organogram(List<Unit> units, List<Position> positions) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern USER = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Organogram {
        units = units == null ? List.of() : List.copyOf(units);
        positions = positions == null ? List.of() : List.copyOf(positions);
    }

    public record Unit(String id, LocalizedName name) {
    }

    /**
     * One position.
     *
     * @param level     the review level its holders work at, or none (the head of the MDA, an adviser)
     * @param reportsTo the position above; none for the head of the MDA
     * @param holders   the user ids of the officers who hold it
     */
    public record Position(String id, String title, String unit, OfficerRole level, String reportsTo,
            List<String> holders) {
        public Position {
            holders = holders == null ? List.of() : List.copyOf(holders);
        }
    }

    /** The review levels as the connector names them, each reporting to the next; nobody named. */
    static Organogram ofLevels(Connector connector) {
        List<Position> positions = new ArrayList<>();
        OfficerRole[] roles = OfficerRole.values();
        for (int i = 0; i < roles.length; i++) {
            positions.add(new Position(roles[i].name(), connector.officerTitle(roles[i]), null, roles[i],
                    i + 1 < roles.length ? roles[i + 1].name() : null, List.of()));
        }
        return new Organogram(List.of(), positions);
    }

    public Optional<Position> position(String id) {
        return positions.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The position an officer holds at {@code level}, else the first position of that level. */
    public Optional<Position> at(OfficerRole level, String officer) {
        return positions.stream().filter(p -> p.level() == level && officer != null && p.holders().contains(officer))
                .findFirst().or(() -> positions.stream().filter(p -> p.level() == level).findFirst());
    }

    /** The positions above {@code position}, nearest first, up to the head of the MDA. */
    public List<Position> above(Position position) {
        List<Position> chain = new ArrayList<>();
        for (Position p = position; p.reportsTo() != null; ) {
            p = position(p.reportsTo()).orElseThrow();
            chain.add(p);
        }
        return chain;
    }

    /** Checks the file: every problem named by its field; a broken organogram stops startup. */
    void validate(String file, boolean tasklist) {
        List<String> problems = new ArrayList<>();
        Set<String> unitIds = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            if (u.id() == null || !ID.matcher(u.id()).matches() || !unitIds.add(u.id())) {
                problems.add("units[" + i + "].id: a unique id of lower-case letters, digits and hyphens");
            }
        }
        Map<String, Position> byId = new HashMap<>();
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            String at = "positions[" + i + "]";
            if (p.id() == null || !ID.matcher(p.id()).matches() || byId.putIfAbsent(p.id(), p) != null) {
                problems.add(at + ".id: a unique id of lower-case letters, digits and hyphens");
            }
            if (p.title() == null || p.title().isBlank()) {
                problems.add(at + ".title: the position's title");
            }
            if (p.unit() != null && !unitIds.contains(p.unit())) {
                problems.add(at + ".unit: '" + p.unit() + "' is not one of units");
            }
            if (p.holders().isEmpty()) {
                problems.add(at + ".holders: nobody holds position '" + p.id() + "'");
            }
            p.holders().stream().filter(h -> h == null || !USER.matcher(h).matches()).forEach(h ->
                    problems.add(at + ".holders: '" + h + "' is not a user id"));
        }
        List<Position> heads = positions.stream().filter(p -> p.reportsTo() == null).toList();
        if (heads.size() != 1) {
            problems.add("positions: exactly one position (the head of the MDA) reports to no one; here "
                    + heads.stream().map(Position::id).toList());
        }
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            if (p.reportsTo() == null) {
                continue;
            }
            Position above = byId.get(p.reportsTo());
            if (above == null) {
                problems.add("positions[" + i + "].reportsTo: no position '" + p.reportsTo() + "'");
            } else if (p.level() != null && above.level() != null && above.level().compareTo(p.level()) < 0) {
                problems.add("positions[" + i + "].reportsTo: '" + above.id() + "' is at a lower level ("
                        + above.level() + ") than " + p.level());
            }
            Set<String> seen = new HashSet<>(Set.of(p.id()));
            for (Position q = above; q != null && q.reportsTo() != null; q = byId.get(q.reportsTo())) {
                if (!seen.add(q.reportsTo())) {
                    problems.add("positions[" + i + "].reportsTo: '" + p.id() + "' reports to itself through "
                            + q.id() + " (a cycle)");
                    break;
                }
            }
        }
        if (tasklist) {
            for (OfficerRole role : OfficerRole.values()) {
                if (positions.stream().noneMatch(p -> p.level() == role)) {
                    problems.add("positions: no position at level '" + role + "'; its officers' tasks need one");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(file, String.join("; ", problems));
        }
    }
}

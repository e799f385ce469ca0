# The jq peer: the simplest rule set judged over JSON meeting records.
#
#   cat RECORDS... | jq -n --slurpfile cfg CONFIG.json -f bench/peer.jq
#
# CONFIG is bench/gen.py's peer-config.json (voting members with from/until,
# the quorum `present >= Q`, ordinary `yes > half of cast`, financial
# `yes >= 75% of members`).  The records are read as one stream of JSON
# values.  Prints meetings, motions, outcomes and the recorded outcomes that
# disagree, as `quorate replay --format json` counts them in its summary.
# The same rules as bench/peer.py (see there); sets are objects {id: true}.

$cfg[0] as $c

# A threshold, cross-multiplied; a base of 0 is never met.
| def met($cls; $yes; $no; $members):
    (if $cls.base == "cast" then $yes + $no else $members end) as $base
    | if $base == 0 then false
      elif $cls.strict then $cls.den * $yes > $cls.num * $base
      else $cls.den * $yes >= $cls.num * $base end;

  def outcome($cls; $yes; $no; $members):
    if met($cls; $yes; $no; $members) then "carried" else "not carried" end;

  def set(f): reduce f as $x ({}; .[$x] = true);

  # One motion, given the room {id: true}, the active voting members and the chair.
  def judge_motion($room; $active; $members; $chair):
    . as $mo
    | set(($mo.interests // [])[] | (if type == "object" then .member else . end)
          | select($room[.] and $active[.])) as $conf
    | ([$room | keys[] | select($active[.] and ($conf[.] | not))] | length) as $eligible
    | ($eligible >= $c.quorum) as $quorate
    | ($mo.votes // {}) as $v
    | ([("for", "against", "abstain") as $k | ($v[$k] // [])[] | [$k, .]]) as $named_list
    | (reduce $named_list[] as [$k, $w]
         ({voted: {}, spoiled: {}, t: {for: 0, against: 0, abstain: 0}};
          if ($active[$w] and $room[$w] and ($conf[$w] | not)) | not then .
          elif .voted[$w] == null then .voted[$w] = $k | .t[$k] += 1
          elif .spoiled[$w] or .voted[$w] == $k then .
          else .t[.voted[$w]] -= 1 | .spoiled[$w] = true end)
       | .t) as $named
    | ($named_list | length) as $n_votes
    | (if $mo.tally == null then $named
       else {for: $mo.tally.for, against: $mo.tally.against, abstain: ($mo.tally.abstain // 0)} as $t
         | if $n_votes == 0 or ($named.for == $t.for and $named.against == $t.against
                                and ($mo.tally.abstain == null or $named.abstain == $t.abstain))
           then $t else $named end
       end) as $use
    | ($n_votes > 0 or $mo.tally != null) as $has_votes
    | (if ($mo.attributes // {}).financial == true then $c.financial else $c.ordinary end) as $cls
    | ($mo.presiding // $chair) as $presiding
    | (if $mo.consensus == true and (($mo.objections // []) | length) == 0 and $c.consensus_allowed then "carried"
       elif ($has_votes | not) then "undetermined"
       elif $use.for + $use.against + $use.abstain > $eligible then "undetermined"
       else
         ($use.for == $use.against and $use.for + $use.against > 0) as $tie
         | ($c.casting_chair and ($conf[$presiding] | not)) as $can_cast
         | if $mo.casting != null and $tie and $can_cast then
             (if $mo.casting == "for" then outcome($cls; $use.for + 1; $use.against; $members)
              else outcome($cls; $use.for; $use.against + 1; $members) end)
           elif $tie and $can_cast and $mo.casting == null then
             outcome($cls; $use.for + 1; $use.against; $members) as $f
             | outcome($cls; $use.for; $use.against + 1; $members) as $a
             | if $f == $a then $f else "undetermined" end
           else outcome($cls; $use.for; $use.against; $members) end
       end) as $o
    | (if $quorate then $o else "void" end) as $final
    | ($mo.recorded // $mo.declared) as $rec
    | {outcome: $final, mismatch: ($rec != null and $rec != $final and $final != "undetermined")};

  def judge_meeting:
    . as $m
    | set($c.voting | to_entries[]
          | select((.value.from == null or .value.from <= $m.date) and (.value.until == null or $m.date <= .value.until))
          | .key) as $active
    | ($active | length) as $members
    | reduce ($m.items // [])[] as $it
        ({room: set(($m.present // [])[], ($m.attending // [])[]), res: []};
         if $it.arrives then .room += set($it.arrives[])
         elif $it.leaves then .room |= delpaths([$it.leaves[] | [.]])
         else .room as $room | .res += [$it.motion | judge_motion($room; $active; $members; $m.chair)] end)
    | .res;

  reduce (inputs | judge_meeting) as $res
    ({meetings: 0, motions: 0, mismatches: 0,
      outcomes: {carried: 0, "not carried": 0, void: 0, provisional: 0, undetermined: 0}};
     .meetings += 1
     | .motions += ($res | length)
     | reduce $res[] as $r (.; .outcomes[$r.outcome] += 1 | .mismatches += (if $r.mismatch then 1 else 0 end)))
